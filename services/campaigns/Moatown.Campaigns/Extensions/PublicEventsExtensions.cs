using Moatown.Campaigns.Broker;
using Moatown.Campaigns.PublicEvents;

namespace Moatown.Campaigns.Extensions;

internal static class PublicEventsExtensions
{
    /// <summary>The public events for city systems: relay, subscriber access, dead letters (docs/events/).</summary>
    public static void AddPublicEvents(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PublicEventOptions>(builder.Configuration.GetSection(PublicEventOptions.Section));
        builder.Services.Configure<ManagementOptions>(builder.Configuration.GetSection(ManagementOptions.Section));
        builder.Services.AddHostedService<PublicEventRelay>();
        builder.Services.AddHttpClient<RabbitMqManagement>(RabbitMqManagement.HttpClientName);
        builder.Services.AddScoped<SubscriberAccess>();
        builder.Services.AddScoped<DeadLetters>();
    }
}
