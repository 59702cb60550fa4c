using Moatown.ServiceDefaults.Inspection;
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
            .AddPolicy(CampaignPolicies.TallyExplanation, Policies.ServiceCaller(Scopes.Campaigns, ServiceClients.Documents))
            .AddPolicy(CampaignPolicies.PublicEvents, Policies.ScopeAndRoles(Scopes.Campaigns, Roles.CitySystem, Roles.ProviderAdmin))
            .AddPolicy(CampaignPolicies.BrokerAdministration, Policies.ScopeAndRoles(Scopes.Campaigns, Roles.ProviderAdmin));

        builder.AddServiceDatabase<CampaignsDbContext>("campaignsdb");
        // Checked by every inspection: each value must be ciphertext under a configured key.
        builder.AddPersonalDataColumns(
            new("roll_entries", "owner_name_protected", "owner's name"),
            new("roll_entries", "birth_date_protected", "owner's birth date"),
            new("roll_entries", "phone_protected", "owner's mobile number"),
            new("roll_entries", "address_protected", "owner's address"),
            new("roll_entries", "owner_id_protected", "owner id on the roll"),
            new("invitations", "token_protected", "personal link token"));
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
        builder.AddPublicEvents();
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
