using System.Text;

namespace Moatown.Documents.Sealing;

/// <summary>
/// PDFsharp 6.2.4 hard-codes <c>/SubFilter /adbe.pkcs7.detached</c> and has no option for PAdES's
/// <c>/ETSI.CAdES.detached</c>; changing the dictionary through its object model did not reach the written
/// file. Both names are 19 characters, so the name is rewritten in the written bytes, in place, after
/// PDFsharp has laid out the file and before the signer reads the byte range: offsets, /ByteRange and
/// cross-reference table stay right, and the signature covers the corrected name.
/// </summary>
internal static class SubFilterPatch
{
    public const string PadesSubFilter = "/ETSI.CAdES.detached";
    private const string PdfSharpSubFilter = "/adbe.pkcs7.detached";

    /// <summary>Rewrites the one SubFilter in the written document; fails if there is not exactly one.</summary>
    public static void Apply(MemoryStream written)
    {
        var buffer = written.GetBuffer();
        var text = Encoding.Latin1.GetString(buffer, 0, (int)written.Length);
        var at = text.IndexOf(PdfSharpSubFilter, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(PdfSharpSubFilter, at + 1, StringComparison.Ordinal) >= 0
            || !text[..at].TrimEnd().EndsWith("/SubFilter", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("PDFsharp did not write exactly one /SubFilter /adbe.pkcs7.detached; its signature writing has changed.");
        }
        Encoding.Latin1.GetBytes(PadesSubFilter, 0, PadesSubFilter.Length, buffer, at);
    }
}
