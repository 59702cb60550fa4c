using Moatown.Identity.Apis;
using Moatown.Identity.Data;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Identity.Staff;

internal static class StaffExtensions
{
    /// <summary>Staff accounts, their sign-in pages and the web client they sign in through.</summary>
    public static IHostApplicationBuilder AddStaffAccounts(this IHostApplicationBuilder builder)
    {
        builder.AddPersonalDataProtection();
        builder.AddStaffSession();
        builder.Services.AddSingleton<StaffClientSettings>();
        builder.Services.AddSingleton<StaffSecrets>();
        builder.Services.AddScoped<StaffAudit>();
        builder.Services.AddScoped<StaffSignIn>();
        builder.Services.AddScoped<StaffInspection>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffAccountsApi.ManagePolicy, Policies.ScopeAndRoles(Scopes.Identity, Roles.ProviderAdmin));
        return builder;
    }

    /// <summary>After the migrator and scope registration (hosted services start in order).</summary>
    public static IHostApplicationBuilder AddStaffSeeds(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<StaffClientSeed>();
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddHostedService<DevelopmentStaffSeed>();
        }
        return builder;
    }
}
