using Moatown.Campaigns.Model;
using Moatown.Pdf;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Moatown.Campaigns.Entry;

/// <summary>The A4 poster an organizer prints and puts up in the area: the campaign, its QR code, how to take part.</summary>
internal static class EntryPoster
{
    private const double Margin = 56;
    // 10 cm with the quiet zone, about 8 cm of code: scans from an arm's length on a notice board,
    // well above the 6 cm a phone needs from print.
    private const double QrSide = 10 / 2.54 * 72;
    // Names run up to 200 characters: a long one shrinks, so the page still holds the code and the instructions.
    private static readonly double[] TitleSizes = [28, 24, 20, 16, 13];
    private static readonly double[] AreaSizes = [16, 13, 11, 9];
    private const int LinesBeforeShrinking = 3;

    public static byte[] Draw(Campaign campaign, string link, string fontFamily)
    {
        using var document = new PdfDocument();
        document.Info.Title = campaign.Name;
        var page = document.AddPage();
        page.Size = PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var fonts = new Fonts(fontFamily);
            var width = page.Width.Point - 2 * Margin;
            var y = Margin;

            y = Centered(gfx, [PosterWording.Heading], fonts.Regular(14), XBrushes.DimGray, width, y) + 10;
            var (titleFont, titleLines) = Fit(gfx, campaign.Name, TitleSizes, fonts.Bold, width);
            y = Centered(gfx, titleLines, titleFont, XBrushes.Black, width, y) + 6;
            var (areaFont, areaLines) = Fit(gfx, PosterWording.Area(campaign.Area.Name, campaign.Area.District), AreaSizes, fonts.Regular, width);
            y = Centered(gfx, areaLines, areaFont, XBrushes.Black, width, y) + 18;

            DrawQrCode(gfx, new EntryQrCode(link).Modules(), (page.Width.Point - QrSide) / 2, y);
            y += QrSide + 24;

            y = Left(gfx, [PosterWording.StepsHeading], fonts.Bold(18), width, y) + 6;
            var steps = fonts.Regular(15);
            for (var i = 0; i < PosterWording.Steps.Count; i++)
            {
                y = Left(gfx, TextLines.Wrap(gfx, $"{i + 1}. {PosterWording.Steps[i]}", steps, width), steps, width, y) + 6;
            }
            var small = fonts.Regular(12);
            y = Left(gfx, TextLines.Wrap(gfx, PosterWording.Needs, small, width), small, width, y + 8) + 14;
            y = Left(gfx, TextLines.Wrap(gfx, PosterWording.TypeTheAddress, small, width), small, width, y) + 2;
            y = Left(gfx, TextLines.Wrap(gfx, link, fonts.Bold(14), width), fonts.Bold(14), width, y) + 16;
            Left(gfx, TextLines.Wrap(gfx, PosterWording.Help, small, width), small, width, y);
        }
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    /// <summary>The largest size at which the text fits in a few lines; a very long text gets the smallest size and more lines.</summary>
    private static (XFont Font, List<string> Lines) Fit(XGraphics gfx, string text, double[] sizes, Func<double, XFont> font, double width)
    {
        foreach (var size in sizes[..^1])
        {
            var lines = TextLines.Wrap(gfx, text, font(size), width);
            if (lines.Count <= LinesBeforeShrinking)
            {
                return (font(size), lines);
            }
        }
        var smallest = font(sizes[^1]);
        return (smallest, TextLines.Wrap(gfx, text, smallest, width));
    }

    /// <summary>Horizontal runs of dark modules filled as one path, so no hairline seams appear between modules when printed.</summary>
    private static void DrawQrCode(XGraphics gfx, bool[][] modules, double left, double top)
    {
        var module = QrSide / modules.Length;
        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        for (var row = 0; row < modules.Length; row++)
        {
            var column = 0;
            while (column < modules[row].Length)
            {
                if (!modules[row][column])
                {
                    column++;
                    continue;
                }
                var start = column;
                while (column < modules[row].Length && modules[row][column])
                {
                    column++;
                }
                path.AddRectangle(left + start * module, top + row * module, (column - start) * module, module);
            }
        }
        gfx.DrawPath(XBrushes.Black, path);
    }

    private static double Centered(XGraphics gfx, IEnumerable<string> lines, XFont font, XBrush brush, double width, double y)
    {
        foreach (var line in lines)
        {
            var height = font.GetHeight();
            gfx.DrawString(line, font, brush, new XRect(Margin, y, width, height), XStringFormats.TopCenter);
            y += height;
        }
        return y;
    }

    private static double Left(XGraphics gfx, IEnumerable<string> lines, XFont font, double width, double y)
    {
        foreach (var line in lines)
        {
            var height = font.GetHeight();
            gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, width, height), XStringFormats.TopLeft);
            y += height;
        }
        return y;
    }

    private sealed class Fonts(string family)
    {
        // Unicode encoding: Hangul is outside every single-byte PDF encoding, and it keeps the text searchable and copyable.
        private static readonly XPdfFontOptions Encoding = new(PdfFontEncoding.Unicode);

        public XFont Regular(double size) => new(family, size, XFontStyleEx.Regular, Encoding);

        public XFont Bold(double size) => new(family, size, XFontStyleEx.Bold, Encoding);
    }
}
