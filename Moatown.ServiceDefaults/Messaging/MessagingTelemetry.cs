using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Moatown.ServiceDefaults.Messaging;

/// <summary>
/// Traces and counters of the outbox and inbox. Operators watch these to see events leave and
/// arrive; duplicates show up here instead of as double effects.
/// </summary>
public static class MessagingTelemetry
{
    public const string SourceName = "Moatown.Messaging";
    internal static readonly ActivitySource Source = new(SourceName);

    private static readonly Meter Meter = new(SourceName);
    internal static readonly Counter<long> Published = Meter.CreateCounter<long>(
        "moatown.outbox.published", description: "Outbox messages confirmed by the broker.");
    internal static readonly Counter<long> PublishFailures = Meter.CreateCounter<long>(
        "moatown.outbox.publish_failures", description: "Outbox publish attempts that failed and will be retried.");
    internal static readonly Counter<long> Processed = Meter.CreateCounter<long>(
        "moatown.inbox.processed", description: "Messages a consumer handled for the first time.");
    internal static readonly Counter<long> Duplicates = Meter.CreateCounter<long>(
        "moatown.inbox.duplicates", description: "Redelivered messages a consumer recognised and skipped.");
}
