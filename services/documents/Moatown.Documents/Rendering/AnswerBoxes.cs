using PdfSharp.Drawing;

namespace Moatown.Documents.Rendering;

/// <summary>
/// The "동의함 / 동의하지 않음" boxes under a statutory item. The check mark is drawn, not typed:
/// NanumGothic has no ✓ glyph, and a missing glyph would print as nothing.
/// </summary>
internal static class AnswerBoxes
{
    /// <param name="agreed">null on the unsigned form: both boxes empty.</param>
    public static void Draw(XGraphics gfx, XFont font, double x, double y, bool? agreed)
    {
        var side = font.Size;
        x = Box(gfx, font, x, y, side, FormWording.Agree, agreed == true);
        Box(gfx, font, x + side * 2, y, side, FormWording.Disagree, agreed == false);
    }

    private static double Box(XGraphics gfx, XFont font, double x, double y, double side, string label, bool marked)
    {
        var top = y + (font.GetHeight() - side) / 2;
        gfx.DrawRectangle(XPens.Black, x, top, side, side);
        if (marked)
        {
            var pen = new XPen(XColors.Black, side / 6) { LineCap = XLineCap.Round, LineJoin = XLineJoin.Round };
            gfx.DrawLines(pen, [
                new XPoint(x + side * 0.18, top + side * 0.55),
                new XPoint(x + side * 0.42, top + side * 0.8),
                new XPoint(x + side * 0.85, top + side * 0.2),
            ]);
        }
        var labelX = x + side * 1.4;
        gfx.DrawString(label, font, XBrushes.Black, new XRect(labelX, y, 200, font.GetHeight()), XStringFormats.TopLeft);
        return labelX + gfx.MeasureString(label, font).Width;
    }
}
