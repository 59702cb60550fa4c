namespace Moatown.Benchmarks.Results;

/// <summary>One measured figure and the target it is held to (none for figures only reported).</summary>
/// <param name="HeldAtP99">
/// Hold the 99th percentile to the target instead of the median: for latencies a user feels,
/// where the target itself is a percentile.
/// </param>
public sealed record Figure(string Name, string What, double? TargetMs, Measurement Measured, bool HeldAtP99 = false)
{
    /// <summary>By default the median is held to the target: one slow outlier on a shared 2-core machine should not decide.</summary>
    public bool? Met => TargetMs is { } target ? (HeldAtP99 ? Measured.P99Ms : Measured.MedianMs) < target : null;
}

public sealed record Measurement(double MinMs, double MedianMs, double MaxMs, int Samples, double P95Ms, double P99Ms)
{
    public static Measurement Of(IReadOnlyCollection<TimeSpan> samples)
    {
        var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new(sorted[0], median, sorted[^1], sorted.Length, Nearest(sorted, 0.95), Nearest(sorted, 0.99));
    }

    /// <summary>Nearest-rank percentile: a value that was actually measured.</summary>
    private static double Nearest(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>Where the time of a figure goes, part by part.</summary>
public sealed record Detail(string Figure, string Part, double Ms);

/// <param name="Notes">Facts a reader needs to judge the figures (sizes, versions, settings).</param>
/// <param name="Rates">Figures measured as rates or ratios; most benchmarks have none.</param>
public sealed record BenchmarkOutcome(IReadOnlyList<Figure> Figures, IReadOnlyList<Detail> Details, IReadOnlyList<string> Notes,
    IReadOnlyList<Rate>? Rates = null);
