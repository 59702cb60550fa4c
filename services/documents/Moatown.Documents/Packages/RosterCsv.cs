using System.Globalization;
using System.Text;
using Moatown.ServiceDefaults.Csv;

namespace Moatown.Documents.Packages;

/// <summary>One sealed consent or withdrawal as the roster lists it: pseudonymous ids and times only, no names, phones or birth dates.</summary>
public sealed record RosterRow(Guid ConsentId, string Kind, Guid HolderId, DateTimeOffset SubmittedAt, DateTimeOffset SealedAt,
    DateTimeOffset? TimestampedAt, string Document, string Sha256);

/// <summary>
/// The roster as CSV (RFC 4180, CRLF, cells through <see cref="CsvCells"/> like every CSV the system
/// exports), UTF-8 with a byte-order mark: Excel, which the district office
/// opens it with, reads Korean headers without one as mojibake.
/// </summary>
public static class RosterCsv
{
    private static readonly string[] Header =
        ["consent_id", "kind", "holder_id", "submitted_at", "sealed_at", "timestamped_at", "document", "sha256"];

    public static byte[] Write(IEnumerable<RosterRow> rows)
    {
        var text = new StringBuilder();
        text.AppendRecord(Header);
        foreach (var row in rows)
        {
            text.AppendRecord([row.ConsentId.ToString(), row.Kind, row.HolderId.ToString(), Time(row.SubmittedAt), Time(row.SealedAt),
                row.TimestampedAt is { } at ? Time(at) : "", row.Document, row.Sha256]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
