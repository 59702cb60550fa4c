using PdfSharp.Drawing;

namespace Moatown.Pdf;

/// <summary>Line breaking for PDF text (posters, forms): PDFsharp draws single lines only.</summary>
public static class TextLines
{
    /// <summary>
    /// Breaks each paragraph (a line of <paramref name="text"/>) at spaces; a word wider than the line
    /// (a long lot number, Korean written without spaces) breaks anywhere. An empty paragraph stays as
    /// an empty line, so the organizer's blank lines survive.
    /// </summary>
    public static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var before = lines.Count;
            WrapParagraph(gfx, paragraph, font, width, lines);
            if (lines.Count == before)
            {
                lines.Add("");
            }
        }
        return lines;
    }

    private static void WrapParagraph(XGraphics gfx, string paragraph, XFont font, double width, List<string> lines)
    {
        var line = "";
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
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
    }
}
