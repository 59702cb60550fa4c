namespace Moatown.Campaigns.Registry;

/// <summary>Which field of a record holds which column, read from the first line.</summary>
internal sealed class RollHeader
{
    private readonly int[] _indexOf;
    private readonly string?[] _nameAt;

    private RollHeader(int[] indexOf, string?[] nameAt)
    {
        _indexOf = indexOf;
        _nameAt = nameAt;
    }

    public int FieldCount => _nameAt.Length;

    /// <summary>The field index of a column, or -1 when the header does not have it.</summary>
    public int IndexOf(RollColumn column) => _indexOf[(int)column];

    public bool Has(RollColumn column) => IndexOf(column) >= 0;

    /// <summary>The English name of the column at a field index, or null (unnamed, unknown or beyond the header).</summary>
    public string? NameAt(int fieldIndex) => fieldIndex < _nameAt.Length ? _nameAt[fieldIndex] : null;

    /// <summary>
    /// Fields with an empty header name. Spreadsheets sometimes export a trailing empty column;
    /// that is harmless as long as it stays empty, so values in it are reported per row instead.
    /// </summary>
    public IReadOnlyList<int> Unnamed { get; private init; } = [];

    public static RollHeader Read(CsvRecord record, List<RollError> errors)
    {
        var indexOf = Enumerable.Repeat(-1, RollColumns.All.Count).ToArray();
        var nameAt = new string?[record.Fields.Count];
        var unnamed = new List<int>();

        foreach (var problem in record.Problems)
            errors.Add(new(problem.Line, null, $"Header: {problem.Reason}"));

        for (var i = 0; i < record.Fields.Count; i++)
        {
            var header = RollValues.Text(record.Fields[i]);
            if (header is null)
            {
                unnamed.Add(i);
                continue;
            }

            if (RollColumns.Find(header) is not { } info)
            {
                errors.Add(new(record.Line, header,
                    $"Unknown column \"{header}\". The columns are: {string.Join(", ", RollColumns.All.Select(c => c.Name))} (or their Korean names)."));
                continue;
            }

            var earlier = indexOf[(int)info.Column];
            if (earlier >= 0)
            {
                errors.Add(new(record.Line, info.Name,
                    $"The column {info.Column.Described()} appears twice in the header (columns {earlier + 1} and {i + 1})."));
                continue;
            }

            indexOf[(int)info.Column] = i;
            nameAt[i] = info.Name;
        }

        foreach (var info in RollColumns.All.Where(c => c.Required && indexOf[(int)c.Column] < 0))
            errors.Add(new(record.Line, info.Name, $"The required column {info.Column.Described()} is missing from the header."));

        return new RollHeader(indexOf, nameAt) { Unnamed = unnamed };
    }
}
