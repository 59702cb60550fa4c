using Moatown.Campaigns.Model;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Moatown.Campaigns.Entry;

/// <summary>The A4 poster an organizer prints and puts up in the area: the campaign, its QR code, how to take part.</summary>
internal static class EntryPoster
{
    private const double Margin = 56;
    // 9 cm: scans from an arm's length on a notice board, well above the 6 cm a phone needs from print.
    private const double QrSide = 9 / 2.54 * 72;
    private static readonly double[] TitleSizes = [28, 24, 20, 16, 13];
    private const int TitleLinesBeforeShrinking = 3;

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
            var (titleFont, titleLines) = FitTitle(gfx, campaign.Name, fonts, width);
            y = Centered(gfx, titleLines, titleFont, XBrushes.Black, width, y) + 6;
            y = Centered(gfx, Wrap(gfx, PosterWording.Area(campaign.Area.Name, campaign.Area.District), fonts.Regular(16), width),
                fonts.Regular(16), XBrushes.Black, width, y) + 18;

            DrawQrCode(gfx, new EntryQrCode(link).Modules(), (page.Width.Point - QrSide) / 2, y);
            y += QrSide + 24;

            y = Left(gfx, [PosterWording.StepsHeading], fonts.Bold(16), width, y) + 4;
            var steps = fonts.Regular(13);
            for (var i = 0; i < PosterWording.Steps.Count; i++)
            {
                y = Left(gfx, Wrap(gfx, $"{i + 1}. {PosterWording.Steps[i]}", steps, width), steps, width, y) + 4;
            }
            var small = fonts.Regular(11);
            y = Left(gfx, Wrap(gfx, PosterWording.Needs, small, width), small, width, y + 8) + 14;
            y = Left(gfx, Wrap(gfx, PosterWording.TypeTheAddress, small, width), small, width, y) + 2;
            y = Left(gfx, Wrap(gfx, link, fonts.Bold(13), width), fonts.Bold(13), width, y) + 14;
            Left(gfx, Wrap(gfx, PosterWording.Help, small, width), small, width, y);
        }
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    /// <summary>The largest size at which the name fits in a few lines; a very long name gets the smallest size and more lines.</summary>
    private static (XFont Font, List<string> Lines) FitTitle(XGraphics gfx, string name, Fonts fonts, double width)
    {
        foreach (var size in TitleSizes[..^1])
        {
            var lines = Wrap(gfx, name, fonts.Bold(size), width);
            if (lines.Count <= TitleLinesBeforeShrinking)
            {
                return (fonts.Bold(size), lines);
            }
        }
        var smallest = fonts.Bold(TitleSizes[^1]);
        return (smallest, Wrap(gfx, name, smallest, width));
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

    /// <summary>Breaks at spaces; a word wider than the line (an address, a name written without spaces) breaks anywhere.</summary>
    private static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (gfx.MeasureString(candidate, font).Width <= width)
            {
                line = candidate;
                continue;
            }
            if (line.Length > 0)
            {
                lines.Add(line);
            }
            var rest = word;
            while (rest.Length > 1 && gfx.MeasureString(rest, font).Width > width)
            {
                var fit = 1;
                while (fit < rest.Length - 1 && gfx.MeasureString(rest[..(fit + 1)], font).Width <= width)
                {
                    fit++;
                }
                if (char.IsHighSurrogate(rest[fit - 1]))
                {
                    fit++;
                }
                lines.Add(rest[..fit]);
                rest = rest[fit..];
            }
            line = rest;
        }
        if (line.Length > 0)
        {
            lines.Add(line);
        }
        return lines;
    }

    private sealed class Fonts(string family)
    {
        // Unicode encoding: Hangul is outside every single-byte PDF encoding, and it keeps the text searchable and copyable.
        private static readonly XPdfFontOptions Encoding = new(PdfFontEncoding.Unicode);

        public XFont Regular(double size) => new(family, size, XFontStyleEx.Regular, Encoding);

        public XFont Bold(double size) => new(family, size, XFontStyleEx.Bold, Encoding);
    }
}
