using System.Text;

namespace Moatown.ServiceDefaults.Csv;

/// <summary>
/// Cells of every CSV the system exports (RFC 4180, CRLF). A cell that a spreadsheet would take for
/// a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so
/// a roll field such as <c>=HYPERLINK("http://x","y")</c> opens as text in the district office's
/// Excel instead of running (CSV injection, OWASP).
/// </summary>
public static class CsvCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>The value as a spreadsheet shows it literally: a leading apostrophe before a formula start.</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;

    /// <summary>One cell: neutralised, then quoted when it holds a separator, a quote or a line break.</summary>
    public static string Field(string? value)
    {
        var cell = Neutralise(value ?? "");
        return cell.IndexOfAny(NeedsQuotes) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
    }

    /// <summary>Appends one record and its CRLF.</summary>
    public static StringBuilder AppendRecord(this StringBuilder text, IEnumerable<string?> fields) =>
        text.Append(string.Join(',', fields.Select(Field))).Append("\r\n");
}
