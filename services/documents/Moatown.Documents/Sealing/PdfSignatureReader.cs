using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Moatown.Documents.Sealing;

/// <summary>The last signature of a PDF as its bytes say it: /ByteRange, the /Contents between, and the /M date before them.</summary>
internal sealed record PdfSignatureParts(long[] ByteRange, long ContentsStart, long ContentsEnd, byte[] Cms, DateTimeOffset? ClaimedTime);

/// <summary>
/// Reads /ByteRange and /Contents straight from the bytes rather than through a PDF library: a verifier
/// should see exactly what was signed, and a damaged or hostile file must not be "repaired" first.
/// </summary>
internal static partial class PdfSignatureReader
{
    public static bool LooksLikePdf(byte[] file) =>
        Encoding.Latin1.GetString(file, 0, Math.Min(file.Length, 1024)).Contains("%PDF-", StringComparison.Ordinal);

    /// <summary>Null when the file has no readable signature.</summary>
    public static PdfSignatureParts? Read(byte[] file)
    {
        var text = Encoding.Latin1.GetString(file);
        var at = text.LastIndexOf("/ByteRange", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var match = ByteRangePattern().Match(text, at);
        if (!match.Success || match.Index != at)
        {
            return null;
        }
        var range = new long[4];
        for (var i = 0; i < 4; i++)
        {
            if (!long.TryParse(match.Groups[i + 1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out range[i]))
            {
                return null;
            }
        }
        // The gap between the two ranges is the hex string <...> holding the CMS.
        long start = range[0] + range[1], end = range[2];
        if (range[0] < 0 || start >= end || end + range[3] > file.Length || end - start < 2
            || file[start] != '<' || file[end - 1] != '>')
        {
            return null;
        }
        var hex = text.AsSpan((int)start + 1, (int)(end - start - 2)).Trim();
        if (hex.Length % 2 != 0)
        {
            return null;
        }
        byte[] cms;
        try
        {
            cms = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
        return new PdfSignatureParts(range, start, end, cms, ClaimedTime(text, (int)start));
    }

    /// <summary>The signer's own claim of when it signed (/M), looked for just before /Contents; the trusted time is the time-stamp's.</summary>
    private static DateTimeOffset? ClaimedTime(string text, int contentsStart)
    {
        var from = Math.Max(0, contentsStart - 2048);
        var m = DatePattern().Matches(text.Substring(from, contentsStart - from)).LastOrDefault();
        if (m is null || !DateTime.TryParseExact(m.Groups[1].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }
        var offset = TimeSpan.Zero;
        if (m.Groups[2].Value is ['+' or '-', ..] zone && zone.Length >= 3)
        {
            var hours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var minutes = zone.Length >= 6 ? int.Parse(zone.AsSpan(4, 2), CultureInfo.InvariantCulture) : 0;
            offset = new TimeSpan(hours, minutes, 0) * (zone[0] == '-' ? -1 : 1);
        }
        return new DateTimeOffset(local, offset);
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRangePattern();

    [GeneratedRegex(@"/M\s*\(D:(\d{14})([Z+\-][0-9']*)?\)")]
    private static partial Regex DatePattern();
}
