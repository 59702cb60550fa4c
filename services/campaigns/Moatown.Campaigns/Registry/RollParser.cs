namespace Moatown.Campaigns.Registry;

/// <summary>
/// Reads an owner roll CSV (shared/docs/registry-format.md) into a <see cref="Roll"/>, or into the
/// complete list of what is wrong with it. All or nothing: a roll with any error yields no rows.
/// </summary>
public static class RollParser
{
    /// <summary>The largest upload the import endpoint accepts; this parser itself does not enforce it.</summary>
    public const int MaxBytes = 50 * 1024 * 1024;

    /// <param name="clock">For "birth date in the future"; the system clock when null.</param>
    public static RollParseResult Parse(ReadOnlyMemory<byte> csv, TimeProvider? clock = null)
    {
        var errors = new List<RollError>();
        if (RollEncoding.Utf8Content(csv, errors) is not { } utf8) return RollParseResult.Rejected(errors);

        var reader = new CsvRecordReader(utf8);
        var record = new CsvRecord();
        if (!TryReadNonBlank(reader, record))
            return RollParseResult.Rejected([new(1, null, "The file is empty: it needs a header line and one line per holder of each property.")]);

        var headerLine = record.Line;
        var header = RollHeader.Read(record, errors);
        var rowReader = new RollRowReader(header, KoreanToday(clock ?? TimeProvider.System), errors);
        var drafts = new List<RollRowDraft>();
        var warnings = new List<RollWarning>();
        var blankLines = new List<int>();
        while (reader.TryRead(record))
        {
            if (record.IsBlank)
            {
                blankLines.Add(record.Line);
                continue;
            }
            // Blank lines at the end are normal; between rows they are worth a mention.
            warnings.AddRange(blankLines.Select(line => new RollWarning(line, null, "This line is empty and was skipped.")));
            blankLines.Clear();
            drafts.Add(rowReader.Read(record));
        }

        if (drafts.Count == 0)
            errors.Add(new(headerLine, null, "The file has a header but no rows: it needs one line per holder of each property."));
        RollChecks.Run(drafts, errors);
        if (errors.Count > 0) return RollParseResult.Rejected(errors);

        var rows = drafts.ConvertAll(d => d.ToRow()!);
        warnings.AddRange(RollWarnings.Of(rows));
        return RollParseResult.Of(new Roll(rows, warnings.OrderBy(w => w.Line).ToList()));
    }

    /// <summary>Reads the whole stream first: rows are only trusted once every row has been checked.</summary>
    public static RollParseResult Parse(Stream csv, TimeProvider? clock = null)
    {
        using var buffer = new MemoryStream(csv.CanSeek ? (int)Math.Min(csv.Length - csv.Position, int.MaxValue) : 0);
        csv.CopyTo(buffer);
        return Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), clock);
    }

    /// <summary>For request bodies, which ASP.NET Core does not let be read synchronously.</summary>
    public static async Task<RollParseResult> ParseAsync(Stream csv, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, cancellationToken);
        return Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), clock);
    }

    private static bool TryReadNonBlank(CsvRecordReader reader, CsvRecord record)
    {
        while (reader.TryRead(record))
            if (!record.IsBlank) return true;
        return false;
    }

    // Birth dates are Korean calendar dates. Korea has no daylight saving time, so UTC+9 is exact
    // and needs no time zone database.
    private static DateOnly KoreanToday(TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(9));
}
