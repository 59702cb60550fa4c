using System.Diagnostics.Metrics;

namespace Moatown.Campaigns.PublicEvents;

internal static class PublicEventTelemetry
{
    private static readonly Meter Meter = new("Moatown.PublicEvents");
    internal static readonly Counter<long> Published = Meter.CreateCounter<long>(
        "moatown.public_events.published", description: "Public events confirmed by the broker.");
}
