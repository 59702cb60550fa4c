using Moatown.ServiceDefaults.Inspection;
using Moatown.Notifications.Consumers;
using Moatown.Notifications.Data;
using Moatown.Notifications.Providers;
using Moatown.Notifications.Sending;
using Moatown.Notifications.Templates;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.Data;
using Moatown.ServiceDefaults.Messaging;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Notifications.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication(Scopes.Notifications);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(NotificationPolicies.Read, Policies.ScopeAndRoles(Scopes.Notifications, Roles.ProviderAdmin))
            .AddPolicy(NotificationPolicies.ReadSink, Policies.ScopeAndRoles(Scopes.Notifications, Roles.ProviderAdmin))
            .AddPolicy(NotificationPolicies.ReadDeliveryStatus, Policies.ScopeAndRoles(Scopes.Notifications, Roles.Organizer));

        builder.AddServiceDatabase<NotificationsDbContext>("notificationsdb");
        builder.AddPersonalDataColumns(
            new("outgoing_messages", "recipient_phone", "recipient's mobile number"),
            new("outgoing_messages", "text", "message text (names, links, codes)"));
        builder.AddPersonalDataProtection();
        builder.AddVerificationCodeSeal();
        builder.Services.AddSingleton(OneTimeCodeOrigin.From(builder.Configuration));
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<CampaignCreatedConsumer>();
            bus.AddConsumer<InvitationIssuedConsumer>();
            bus.AddConsumer<VerificationCodeRequestedConsumer>();
        });
        // Phone numbers and links are asked of campaigns when a message is queued, never carried in events.
        builder.AddServiceClient(InvitationIssuedConsumer.CampaignsClient, new Uri("http://campaigns"), Scopes.Campaigns);
        builder.AddSmsSending();
        builder.AddDefaultOpenApi();
    }

    private static void AddSmsSending(this IHostApplicationBuilder builder)
    {
        builder.AddSmsProvider();
        builder.Services.AddOptions<SendingOptions>().BindConfiguration(SendingOptions.Section);
        builder.Services.AddSingleton<SendingSignal>();
        builder.Services.AddScoped<OutgoingMessages>();
        builder.Services.AddHostedService<SmsSender>();
    }
}
