using Microsoft.Extensions.Options;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.Documents.Vault;

internal static class VaultExtensions
{
    /// <summary>The encrypted document vault, its master keys from configuration (checked at start-up), and its policies.</summary>
    public static IHostApplicationBuilder AddVault(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<VaultOptions>().BindConfiguration(VaultOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<VaultOptions>, VaultOptionsValidation>();
        // A KMS or HSM replaces this registration; nothing else knows where master keys live.
        builder.Services.AddSingleton<IMasterKeys, ConfigurationMasterKeys>();
        builder.Services.AddScoped<CampaignKeys>();
        builder.Services.AddScoped<DocumentVault>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(VaultPolicies.Download, Policies.ScopeAndRoles(Scopes.Documents, Roles.Organizer, Roles.DistrictOfficer))
            .AddPolicy(VaultPolicies.Administer, Policies.ScopeAndRoles(Scopes.Documents, Roles.ProviderAdmin));
        return builder;
    }
}
