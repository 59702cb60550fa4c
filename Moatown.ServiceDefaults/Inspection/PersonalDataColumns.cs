namespace Moatown.ServiceDefaults.Inspection;

/// <summary>A column the service keeps personal data in, encrypted with <c>PersonalDataProtector</c> ("pd1.{keyId}.…").</summary>
public sealed record PersonalDataColumn(string Table, string Column, string Holds);

/// <summary>The service's declared personal-data columns, checked by every inspection.</summary>
public sealed class PersonalDataColumns(IEnumerable<PersonalDataColumn> columns)
{
    public IReadOnlyList<PersonalDataColumn> All { get; } = [.. columns];
}
