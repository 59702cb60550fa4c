using Moatown.Pdf;

namespace Moatown.Campaigns.Entry;

/// <summary>Section <c>Campaigns:Poster</c>.</summary>
public sealed class PosterOptions
{
    public const string SectionName = "Campaigns:Poster";

    /// <summary>Where Debian's fonts-nanum puts its TrueType files.</summary>
    public const string DebianFontDirectory = PdfFonts.DebianFontDirectory;

    /// <summary>A folder holding <c>NanumGothic.ttf</c> and <c>NanumGothicBold.ttf</c>: the poster is Korean, and PDFsharp brings no font of its own.</summary>
    public string FontDirectory { get; set; } = DebianFontDirectory;
}
