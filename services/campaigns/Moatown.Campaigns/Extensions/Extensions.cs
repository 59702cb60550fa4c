using Moatown.Campaigns.Data;
using Moatown.Campaigns.Rolls;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.Data;
using Moatown.ServiceDefaults.Messaging;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Campaigns.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication(Scopes.Campaigns);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CampaignPolicies.Manage, Policies.ScopeAndRoles(Scopes.Campaigns, Roles.Organizer, Roles.ProviderAdmin))
            .AddPolicy(CampaignPolicies.Read, Policies.ScopeAndRoles(Scopes.Campaigns, Roles.Organizer, Roles.ProviderAdmin, Roles.DistrictOfficer));

        builder.AddServiceDatabase<CampaignsDbContext>("campaignsdb");
        builder.AddPersonalDataProtection();
        builder.Services.AddScoped<RollImporter>();
        builder.AddMessaging();
        builder.AddDefaultOpenApi();
    }
}
