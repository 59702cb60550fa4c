using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Moatown.Benchmarks.Sealing;

/// <summary>
/// What ConsentSealer does to the file besides signing it: PDFsharp opens the whole document for
/// modification and saves all of it again (it cannot append an incremental update). Timed alone to
/// show how much of a seal is PDF handling rather than cryptography.
/// </summary>
public static class PdfRewrite
{
    public static long Once(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Modify);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.Length;
    }
}
