using Moatown.Pdf;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Moatown.Documents.Rendering;

/// <summary>
/// Writes top to bottom over as many A4 pages as the content needs, and numbers the pages once the
/// count is known.
/// </summary>
internal sealed class PageFlow : IDisposable
{
    public const double Margin = 56;
    private const double FooterSpace = 36;

    private readonly PdfDocument _document;
    private readonly List<PdfPage> _pages = [];
    private XGraphics? _gfx;

    public PageFlow(PdfDocument document, DocumentFonts fonts)
    {
        _document = document;
        Fonts = fonts;
        NewPage();
    }

    public DocumentFonts Fonts { get; }

    public XGraphics Gfx => _gfx ?? throw new InvalidOperationException("The flow is finished.");

    public double Y { get; set; }

    public double Left => Margin;

    public double Width => PageWidth - 2 * Margin;

    private double PageWidth => _pages[^1].Width.Point;

    private double Bottom => _pages[^1].Height.Point - Margin - FooterSpace;

    public void NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _pages.Add(page);
        _gfx = XGraphics.FromPdfPage(page);
        Y = Margin;
    }

    public bool Fits(double height) => Y + height <= Bottom;

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void Reserve(double height)
    {
        if (!Fits(height))
        {
            NewPage();
        }
    }

    /// <summary>Wrapped text, breaking to the next page between lines.</summary>
    public void Text(string text, XFont font, double indent = 0, double after = 0, XStringFormat? format = null)
    {
        var height = font.GetHeight();
        foreach (var line in TextLines.Wrap(Gfx, text, font, Width - indent))
        {
            Reserve(height);
            Gfx.DrawString(line, font, XBrushes.Black, new XRect(Left + indent, Y, Width - indent, height), format ?? XStringFormats.TopLeft);
            Y += height;
        }
        Y += after;
    }

    public void Heading(string text, double size = 14)
    {
        // A heading alone at the foot of a page reads as if its section were missing.
        Reserve(size * 4);
        Y += size * 0.6;
        Text(text, Fonts.Bold(size), after: size * 0.4);
    }

    /// <summary>Draws each page's footer; <paramref name="footer"/> gets the page number and the count.</summary>
    public void Finish(Func<int, int, string> footer)
    {
        _gfx?.Dispose();
        _gfx = null;
        var font = Fonts.Regular(8.5);
        for (var i = 0; i < _pages.Count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_pages[i], XGraphicsPdfPageOptions.Append);
            var top = _pages[i].Height.Point - Margin - font.GetHeight();
            gfx.DrawLine(XPens.Gray, Margin, top - 6, _pages[i].Width.Point - Margin, top - 6);
            gfx.DrawString(footer(i + 1, _pages.Count), font, XBrushes.DimGray,
                new XRect(Margin, top, _pages[i].Width.Point - 2 * Margin, font.GetHeight()), XStringFormats.TopCenter);
        }
    }

    public void Dispose() => _gfx?.Dispose();
}
