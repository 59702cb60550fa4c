namespace Moatown.LogScanTests;

public enum PersonalKind
{
    Name,
    BirthDate,
    Phone,
    Address,
}

/// <summary>
/// One piece of a test roll's personal data. Phones are kept as their digits (01012345678), birth dates
/// as yyyy-MM-dd; the scanner looks for every way a service might print them.
/// </summary>
public sealed record PersonalValue(PersonalKind Kind, string Value)
{
    /// <summary>Enough to find the value in the roll, not enough to leak it again through a failure message.</summary>
    public string Masked => $"{Kind} {Value[0]}…({Value.Length} chars)";
}
