using Moatown.Notifications.Consumers;
using Moatown.Notifications.Data;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.Data;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Notifications.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication(Scopes.Notifications);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(NotificationPolicies.Read, Policies.ScopeAndRoles(Scopes.Notifications, Roles.ProviderAdmin));

        builder.AddServiceDatabase<NotificationsDbContext>("notificationsdb");
        builder.AddMessaging(bus => bus.AddConsumer<CampaignCreatedConsumer>());
        builder.AddDefaultOpenApi();
    }
}
