using System.Globalization;
using Moatown.Benchmarks.Import;
using Moatown.Benchmarks.Results;

namespace Moatown.Benchmarks.WholeSystem;

/// <summary>
/// The whole system from one AppHost start: cold start, each service's memory idle, the gateway's
/// overhead, the event path against the raw broker, then the signing load through the gateway with
/// the memory it takes. One start serves all of them, so the suite fits the bench's 15 minutes.
/// </summary>
public sealed class SystemBenchmark : IBenchmark
{
    /// <summary>The last single-replica load of this run, for the scale-out figure to compare with.</summary>
    public static LoadResult? LastLoad { get; private set; }

    public string Name => "whole system (AppHost, one replica each)";

    public async Task<BenchmarkOutcome> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var figures = new List<Figure>();
        var rates = new List<Rate>();
        var details = new List<Detail>();
        var notes = new List<string>();

        await using var system = await WholeSystem.StartAsync(replicas: 1, cancellationToken);
        Console.WriteLine($"  cold start {system.ColdStart.TotalSeconds:F1} s");
        figures.Add(Footprint.ColdStart(system, ""));
        details.AddRange(Footprint.ColdStartDetails(system, ""));
        // Idle: started, nothing asked of it yet beyond the health checks.
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        var idle = ServiceMemory.Sample();
        Console.WriteLine($"  memory idle: {LoadReport.Memory(idle)}");
        rates.AddRange(LoadReport.IdleMemory(idle, ""));

        using (var campaigns = await system.AuthorizedAsync("campaigns", cancellationToken))
        {
            var campaignId = await campaigns.CreateCampaignAsync("벤치마크 게이트웨이", cancellationToken);
            var gateway = await GatewayOverhead.MeasureAsync(system, campaignId, cancellationToken);
            Console.WriteLine($"  gateway {gateway.Gateway.PerSecond:F0}/s vs direct {gateway.Direct.PerSecond:F0}/s ({gateway.Ratio:F2})");
            figures.AddRange(GatewayOverhead.Figures(gateway));
            rates.AddRange(GatewayOverhead.Rates(gateway));
            notes.Add(GatewayOverhead.Note(gateway));
        }

        var events = await EventPath.MeasureAsync(system, cancellationToken);
        figures.AddRange(EventPath.Figures(events));
        rates.AddRange(EventPath.Rates(events));
        notes.Add(EventPath.Note(events));

        var load = await new ResidentLoad(system, LoadSettings.FromEnvironment()).RunAsync(cancellationToken);
        LastLoad = load;
        var report = LoadReport.Load(load, "");
        figures.AddRange(report.Figures);
        rates.AddRange(report.Rates ?? []);
        rates.AddRange(LoadReport.LoadMemory(load.PeakMemoryMiB, ""));
        details.AddRange(report.Details);
        notes.AddRange(report.Notes);
        notes.Add($"Whole system: the AppHost with Infrastructure:Mode=local (the machine's PostgreSQL and RabbitMQ as processes, as ./moatown up runs them when no container runtime answers), Release builds, one process per service; changed for the benchmark: {string.Join("; ", WholeSystem.Overrides)}.");
        return new BenchmarkOutcome(figures, details, notes, rates);
    }
}
