using Moatown.Campaigns.Data;
using Moatown.Campaigns.Entry;
using Moatown.Campaigns.Invitations;
using Moatown.Campaigns.Ledger;
using Moatown.Campaigns.Residents;
using Moatown.Campaigns.Seed;
using Moatown.Campaigns.Tallies;
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
            .AddPolicy(CampaignPolicies.Manage, Policies.ScopeAndRoles(Scopes.Campaigns, Roles.Organizer))
            .AddPolicy(CampaignPolicies.Read, Policies.ScopeAndRoles(Scopes.Campaigns, Roles.Organizer, Roles.ProviderAdmin, Roles.DistrictOfficer))
            .AddPolicy(CampaignPolicies.ReadPeople, Policies.ScopeAndRoles(Scopes.Campaigns, Roles.Organizer, Roles.DistrictOfficer))
            .AddPolicy(CampaignPolicies.ViewPersonalData, Policies.ScopeAndRoles(Scopes.Campaigns, Roles.Organizer))
            .AddPolicy(CampaignPolicies.InvitationDelivery, Policies.ServiceCaller(Scopes.Campaigns, ServiceClients.Notifications))
            .AddPolicy(CampaignPolicies.InvitationResolution, Policies.ServiceCaller(Scopes.Campaigns, ServiceClients.Identity))
            .AddPolicy(CampaignPolicies.ResidentIdentification, Policies.ServiceCaller(Scopes.Campaigns, ServiceClients.Identity))
            .AddPolicy(CampaignPolicies.ResidentContact, Policies.ServiceCaller(Scopes.Campaigns, ServiceClients.Notifications))
            .AddPolicy(CampaignPolicies.ConsentFormRendering, Policies.ServiceCaller(Scopes.Campaigns, ServiceClients.Documents))
            .AddPolicy(CampaignPolicies.TallyExplanation, Policies.ServiceCaller(Scopes.Campaigns, ServiceClients.Documents));

        builder.AddServiceDatabase<CampaignsDbContext>("campaignsdb");
        builder.AddPersonalDataProtection();
        builder.Services.AddScoped<RollImporter>();
        builder.AddTallies();
        builder.Services.Configure<InvitationOptions>(builder.Configuration.GetSection(InvitationOptions.SectionName));
        builder.Services.AddScoped<InvitationIssuer>();
        builder.Services.Configure<EntryOptions>(builder.Configuration.GetSection(EntryOptions.SectionName));
        builder.Services.Configure<PosterOptions>(builder.Configuration.GetSection(PosterOptions.SectionName));
        // After the migrator (registered with the database above): hosted services start in order.
        builder.Services.AddHostedService<DemoCampaignSeed>();
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<ConsentEventsConsumer>();
            bus.AddConsumer<ResidentVerifiedConsumer>();
        });
        builder.AddDefaultOpenApi();
    }

    /// <summary>The consent ledger and the live counts, kept in step across replicas through the database.</summary>
    private static void AddTallies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LiveTallies>();
        builder.Services.AddSingleton<TallySignals>();
        builder.Services.AddHostedService<TallyChangeListener>();
        builder.Services.Configure<TallyMemoryOptions>(builder.Configuration.GetSection(TallyMemoryOptions.SectionName));
        builder.Services.AddHostedService<IdleTallyRelease>();
        builder.Services.AddScoped<ConsentLedger>();
    }
}
