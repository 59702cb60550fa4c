namespace Moatown.Campaigns.Registry;

/// <summary>One CSV record (one roll line, or several when a quoted value holds line breaks).</summary>
internal sealed class CsvRecord
{
    /// <summary>1-based line the record starts on.</summary>
    public int Line { get; private set; }

    public List<string> Fields { get; } = [];

    /// <summary>Broken quoting: the fields may be shifted, so the record's values cannot be trusted.</summary>
    public List<CsvProblem> Problems { get; } = [];

    public bool IsBlank => Problems.Count == 0 && Fields.TrueForAll(string.IsNullOrWhiteSpace);

    public void Restart(int line)
    {
        Line = line;
        Fields.Clear();
        Problems.Clear();
    }
}

internal sealed record CsvProblem(int Line, int FieldIndex, string Reason);
