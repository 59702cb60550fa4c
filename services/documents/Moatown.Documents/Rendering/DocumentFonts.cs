using Moatown.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Moatown.Documents.Rendering;

/// <summary>The NanumGothic faces of one folder, as the consent documents use them.</summary>
internal sealed class DocumentFonts
{
    // Unicode encoding: Hangul is outside every single-byte PDF encoding, and it keeps the text
    // extractable (pdftotext, screen readers, the district office's search).
    private static readonly XPdfFontOptions Encoding = new(PdfFontEncoding.Unicode);

    private readonly string _family;

    private DocumentFonts(string family) => _family = family;

    /// <summary>The fonts of <paramref name="directory"/>; a folder without the faces is a deployment error, told at start rather than per document.</summary>
    public static DocumentFonts In(string directory)
    {
        if (PdfFonts.Missing(directory) is { Count: > 0 } missing)
        {
            throw new InvalidOperationException(
                $"The font folder {directory} lacks {string.Join(", ", missing)}; install fonts-nanum or point the documents service at a folder holding {PdfFonts.RegularFile} and {PdfFonts.BoldFile}.");
        }
        return new DocumentFonts(PdfFonts.Family(directory));
    }

    public XFont Regular(double size) => new(_family, size, XFontStyleEx.Regular, Encoding);

    public XFont Bold(double size) => new(_family, size, XFontStyleEx.Bold, Encoding);
}
