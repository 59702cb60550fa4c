namespace Moatown.Benchmarks.Results;

/// <summary>
/// A figure that is a rate or a ratio rather than a time (consents per second, pipeline against raw
/// crypto), held to a floor instead of a ceiling; none for rates only reported.
/// </summary>
/// <param name="Unit">How the value reads in a table: "/s", "× raw".</param>
public sealed record Rate(string Name, string What, double Value, string Unit, double? AtLeast = null)
{
    public bool? Met => AtLeast is { } floor ? Value >= floor : null;
}
