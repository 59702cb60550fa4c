using PdfSharp.Drawing;
using PdfSharp.Pdf.Annotations;

namespace Moatown.Documents.Sealing;

/// <summary>The seal draws nothing on the page (the consent form says what was agreed), and so needs no font.</summary>
internal sealed class InvisibleAppearance : IAnnotationAppearanceHandler
{
    public void DrawAppearance(XGraphics gfx, XRect rect)
    {
    }
}
