using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Moatown.IntegrationTests.Documents;

internal static class SamplePdfs
{
    /// <summary>A one-page PDF drawn with PDFsharp (shapes only: no font resolver is needed in the test process).</summary>
    public static byte[] ConsentForm(int variant = 0)
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            graphics.DrawRectangle(XPens.Black, 50, 50, 300, 120);
            graphics.DrawLine(XPens.Gray, 50, 200 + variant, 350, 200 + variant);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
