using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Moatown.Benchmarks.Results;

namespace Moatown.Benchmarks.Tally;

/// <summary>Runs <see cref="TallyEngineBenchmarks"/> with BenchmarkDotNet and reports its figures.</summary>
public sealed class TallyEngineBenchmark : IBenchmark
{
    private static readonly Dictionary<string, (string Figure, string What, double? TargetMs)> Figures = new()
    {
        [nameof(TallyEngineBenchmarks.Build)] = ("Counted roll build", "CountedRoll.Build of the 100,000-holder roll: units and owners", null),
        [nameof(TallyEngineBenchmarks.FullRecompute)] = ("Full tally recompute", "new ConsentCount(roll, state) and its Tally, 100,000 holders, 55% consenting", 200),
        [nameof(TallyEngineBenchmarks.IncrementalUpdate)] = ("Incremental tally update", "ConsentCount.Apply of one consent or withdrawal and the Tally after it", 5),
    };

    public string Name => "tally engine";

    public Task<BenchmarkOutcome> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        // In process: the generated-project toolchain would build a project inside this
        // repository, under its warnings-as-errors props, for no gain in accuracy here.
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(2)
            .WithIterationCount(10);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(Path.Combine(context.ArtifactsDirectory, "tally-engine"));
        var summary = BenchmarkRunner.Run<TallyEngineBenchmarks>(config);

        var figures = new List<Figure>();
        var notes = new List<string>();
        foreach (var report in summary.Reports)
        {
            var method = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            var (name, what, target) = Figures[method];
            if (report.ResultStatistics is not { } statistics)
                throw new InvalidOperationException($"BenchmarkDotNet measured nothing for {method}; see its log in {config.ArtifactsPath}.");
            figures.Add(new Figure(name, what, target,
                new Measurement(statistics.Min / 1e6, statistics.Median / 1e6, statistics.Max / 1e6, statistics.N,
                    statistics.Percentiles.P95 / 1e6, statistics.Percentiles.Percentile(99) / 1e6)));
            if (report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } bytes)
                notes.Add($"{name}: {bytes / 1024.0:F1} KiB allocated per operation (BenchmarkDotNet, {statistics.N} iterations, min/median/max of iteration means).");
        }
        notes.Add($"Tally engine roll: {TallyEngineBenchmarks.Holders:N0} holders, the roll the import figure uses.");
        return Task.FromResult(new BenchmarkOutcome(figures, [], notes));
    }
}
