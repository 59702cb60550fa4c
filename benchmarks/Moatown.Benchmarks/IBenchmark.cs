using Moatown.Benchmarks.Results;

namespace Moatown.Benchmarks;

/// <summary>One measurement of the system; a suite (./moatown bench NAME) runs several in turn.</summary>
public interface IBenchmark
{
    string Name { get; }

    Task<BenchmarkOutcome> RunAsync(BenchmarkContext context, CancellationToken cancellationToken);
}

/// <param name="ArtifactsDirectory">Where a benchmark may leave its own raw output (git-ignored).</param>
public sealed record BenchmarkContext(string ArtifactsDirectory);
