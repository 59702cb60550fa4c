namespace Moatown.Benchmarks.Results;

/// <summary>One measured figure and the target it is held to (none for figures only reported).</summary>
public sealed record Figure(string Name, string What, double? TargetMs, Measurement Measured)
{
    /// <summary>The median is what is held to the target: one slow outlier on a shared 2-core machine should not decide.</summary>
    public bool? Met => TargetMs is { } target ? Measured.MedianMs < target : null;
}

public sealed record Measurement(double MinMs, double MedianMs, double MaxMs, int Samples)
{
    public static Measurement Of(IReadOnlyCollection<TimeSpan> samples)
    {
        var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new(sorted[0], median, sorted[^1], sorted.Length);
    }
}

/// <summary>Where the time of a figure goes, part by part.</summary>
public sealed record Detail(string Figure, string Part, double Ms);

/// <param name="Notes">Facts a reader needs to judge the figures (sizes, versions, settings).</param>
public sealed record BenchmarkOutcome(IReadOnlyList<Figure> Figures, IReadOnlyList<Detail> Details, IReadOnlyList<string> Notes);
