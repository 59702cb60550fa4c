using System.Globalization;
using Moatown.Benchmarks.Results;

namespace Moatown.Benchmarks.WholeSystem;

/// <summary>
/// The signing load again with two processes each of campaigns, signing and documents
/// (Moatown:Replicas=2); compared with the single-replica load of the same run when there was one.
/// </summary>
public sealed class ScaleOutBenchmark : IBenchmark
{
    private const int Replicas = 2;
    private const string Label = "2 replicas: ";

    public string Name => "scale-out (two replicas of campaigns, signing, documents)";

    public async Task<BenchmarkOutcome> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        await using var system = await WholeSystem.StartAsync(Replicas, cancellationToken);
        Console.WriteLine($"  cold start with {Replicas} replicas {system.ColdStart.TotalSeconds:F1} s");
        var idle = ServiceMemory.Sample();
        var load = await new ResidentLoad(system, LoadSettings.FromEnvironment()).RunAsync(cancellationToken);
        var report = LoadReport.Load(load, Label);
        var figures = new List<Figure> { Footprint.ColdStart(system, Label) };
        figures.AddRange(report.Figures);
        var rates = new List<Rate>(report.Rates ?? []);
        rates.AddRange(LoadReport.LoadMemory(load.PeakMemoryMiB, Label));
        var notes = new List<string>(report.Notes)
        {
            $"{Label}Moatown:Replicas={Replicas}: campaigns, signing and documents run {Replicas} processes each behind Aspire's endpoint proxy, which spreads connections over them; identity, notifications and the gateway one. Idle memory: {LoadReport.Memory(idle)} MiB.",
        };
        if (SystemBenchmark.LastLoad is { } single)
        {
            rates.Add(new Rate($"{Label}throughput ÷ one replica each", "consents/s with 2 replicas over consents/s with 1, same run", load.PerSecond / single.PerSecond, "× one"));
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Label}{load.PerSecond:F1} consents/s against {single.PerSecond:F1} with one replica each; sign p99 {P99(load)} against {P99(single)}. On {Environment.ProcessorCount} cores every process shares the same CPUs: a second replica adds processes, not CPU."));
        }
        return new BenchmarkOutcome(figures, report.Details, notes, rates);
    }

    private static string P99(LoadResult load) =>
        load.Steps["sign (202)"].Count == 0 ? "—" : ResultFiles.Ms(Measurement.Of(load.Steps["sign (202)"]).P99Ms);
}
