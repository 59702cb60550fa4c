using Moatown.Benchmarks.Results;

namespace Moatown.Benchmarks.WholeSystem;

/// <summary>Cold start of the whole system, and when each part of it was ready.</summary>
public static class Footprint
{
    public const double ColdStartCeilingMs = 180_000;

    public static Figure ColdStart(WholeSystem system, string label) =>
        new($"{label}cold start: AppHost start → gateway healthy", "PostgreSQL and RabbitMQ started on an empty state folder, databases migrated, every service healthy, then the gateway; one start",
            ColdStartCeilingMs, Measurement.Of([system.ColdStart]));

    public static IEnumerable<Detail> ColdStartDetails(WholeSystem system, string label) =>
        system.Healthy.OrderBy(h => h.Value).Select(h => new Detail($"{label}cold start: AppHost start → gateway healthy", $"{h.Key} healthy", h.Value.TotalMilliseconds));
}
