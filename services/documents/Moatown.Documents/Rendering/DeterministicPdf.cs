using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;

namespace Moatown.Documents.Rendering;

/// <summary>
/// Saves a document so that the same content gives the same bytes. The resident is shown the SHA-256
/// of the form before signing and the signing flow renders it again to check; PDFsharp 6.2.4 would
/// otherwise stamp the clock (creation and modification dates) and four random values into every
/// save: the trailer's /ID, a six-letter tag per embedded font subset, and the XMP metadata's
/// DocumentID and InstanceID. The dates and /ID are set through PDFsharp; the tags and the XMP IDs
/// it offers no setting for, so they are rewritten in the saved bytes with values of the same
/// length, which leaves every offset in the cross-reference table valid.
/// </summary>
internal static partial class DeterministicPdf
{
    /// <summary>Stands in for "now": no date in these documents is meaningful except the ones printed on the evidence page.</summary>
    private static readonly DateTime FixedDate = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <param name="fingerprint">Every input the document is made from, in a stable encoding: the IDs are its hash, so different documents get different IDs.</param>
    public static byte[] Save(PdfDocument document, string title, byte[] fingerprint)
    {
        var hash = SHA256.HashData(fingerprint);
        document.Info.Title = title;
        document.Info.Creator = "Moatown e-consent";
        document.Info.CreationDate = FixedDate;
        document.Info.ModificationDate = FixedDate;
        // The /ID is two byte strings; PDFsharp keeps them as strings of one char per byte.
        var id = new string([.. hash[..16].Select(b => (char)b)]);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
        using var stream = new MemoryStream();
        document.Save(stream);
        return Rewrite(stream.ToArray(), hash);
    }

    private static byte[] Rewrite(byte[] pdf, byte[] hash)
    {
        // Latin-1 maps each byte to one char and back, so binary streams pass through unchanged.
        var text = Encoding.Latin1.GetString(pdf);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        text = SubsetTag().Replace(text, match =>
        {
            var random = match.Groups["tag"].Value;
            if (!tags.TryGetValue(random, out var stable))
            {
                // Numbered in order of first appearance, which follows the document's content.
                stable = Tag(hash, match.Groups["font"].Value, tags.Count);
                tags[random] = stable;
            }
            return $"{match.Groups["key"].Value}{stable}+{match.Groups["font"].Value}";
        });
        var uuid = new Guid(hash[16..32]).ToString();
        text = XmpId().Replace(text, match => $"{match.Groups["open"].Value}uuid:{uuid}<");
        var rewritten = Encoding.Latin1.GetBytes(text);
        // Same-length replacements only: a change of length would corrupt the cross-reference offsets.
        return rewritten.Length == pdf.Length
            ? rewritten
            : throw new InvalidOperationException("Making the PDF reproducible changed its length.");
    }

    private static string Tag(byte[] hash, string font, int ordinal)
    {
        var bytes = SHA256.HashData([.. hash, .. Encoding.UTF8.GetBytes($"{font}#{ordinal}")]);
        return new string([.. bytes[..6].Select(b => (char)('A' + b % 26))]);
    }

    [GeneratedRegex(@"(?<key>/(?:BaseFont|FontName)/)(?<tag>[A-Z]{6})\+(?<font>[A-Za-z0-9,\-]+)")]
    private static partial Regex SubsetTag();

    [GeneratedRegex(@"(?<open><xmpMM:(?:DocumentID|InstanceID)>)uuid:[0-9a-fA-F\-]{36}<")]
    private static partial Regex XmpId();
}
