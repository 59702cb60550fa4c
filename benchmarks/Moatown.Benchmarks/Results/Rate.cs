namespace Moatown.Benchmarks.Results;

/// <summary>
/// A figure that is a rate or a ratio rather than a time (consents per second, pipeline against raw
/// crypto), held to a floor instead of a ceiling; none for rates only reported. A quantity that must
/// stay low (errors, megabytes of memory) is held to a ceiling instead.
/// </summary>
/// <param name="Unit">How the value reads in a table: "/s", "× raw".</param>
public sealed record Rate(string Name, string What, double Value, string Unit, double? AtLeast = null, double? AtMost = null)
{
    public bool? Met => (AtLeast, AtMost) switch
    {
        ({ } floor, _) => Value >= floor,
        (_, { } ceiling) => Value <= ceiling,
        _ => null,
    };
}
