using Moatown.Pdf;
using PdfSharp.Drawing;

namespace Moatown.Documents.Rendering;

/// <summary>The owner's properties as a ruled table; the header repeats when the table runs onto another page.</summary>
internal sealed class PropertyTable(PageFlow flow)
{
    private const double Padding = 4;
    // Lot numbers carry the whole address and need the room; the other columns are short.
    private static readonly double[] ColumnShares = [0.46, 0.14, 0.22, 0.18];

    private readonly XFont _headerFont = flow.Fonts.Bold(10.5);
    private readonly XFont _cellFont = flow.Fonts.Regular(10.5);

    public void Header()
    {
        Draw([FormWording.LotNumber, FormWording.Kind, FormWording.Area, FormWording.Share], _headerFont, shaded: true);
    }

    public void Row(OwnedProperty property)
    {
        string[] cells = [property.LotNumber, PropertyKinds.Korean(property.Kind), FormWording.AreaValue(property.LandAreaM2), property.Share];
        var height = RowHeight(cells, _cellFont);
        if (!flow.Fits(height))
        {
            flow.NewPage();
            Header();
        }
        Draw(cells, _cellFont, shaded: false);
    }

    private void Draw(string[] cells, XFont font, bool shaded)
    {
        var height = RowHeight(cells, font);
        flow.Reserve(height);
        var x = flow.Left;
        for (var i = 0; i < cells.Length; i++)
        {
            var width = flow.Width * ColumnShares[i];
            var cell = new XRect(x, flow.Y, width, height);
            if (shaded)
            {
                flow.Gfx.DrawRectangle(XBrushes.Gainsboro, cell);
            }
            flow.Gfx.DrawRectangle(XPens.Black, cell);
            var lineY = flow.Y + Padding;
            foreach (var line in TextLines.Wrap(flow.Gfx, cells[i], font, width - 2 * Padding))
            {
                // Numbers align right, so the digits of areas and shares line up down the column.
                var format = i >= 2 && !shaded ? XStringFormats.TopRight : XStringFormats.TopLeft;
                flow.Gfx.DrawString(line, font, XBrushes.Black, new XRect(x + Padding, lineY, width - 2 * Padding, font.GetHeight()), format);
                lineY += font.GetHeight();
            }
            x += width;
        }
        flow.Y += height;
    }

    private double RowHeight(string[] cells, XFont font)
    {
        var lines = 1;
        for (var i = 0; i < cells.Length; i++)
        {
            lines = Math.Max(lines, TextLines.Wrap(flow.Gfx, cells[i], font, flow.Width * ColumnShares[i] - 2 * Padding).Count);
        }
        return lines * font.GetHeight() + 2 * Padding;
    }
}
