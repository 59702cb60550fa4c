using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;

namespace Moatown.Documents.Sealing;

/// <summary>
/// PDFsharp 6.2.4 hard-codes <c>/SubFilter /adbe.pkcs7.detached</c> and offers no option for PAdES's
/// <c>/ETSI.CAdES.detached</c>. Its handler asks the appearance handler to draw after it has built the
/// signature dictionary and before anything is written, so this (invisible) appearance is where the
/// dictionary is corrected: SubFilter, and the ContactInfo PDFsharp leaves out. The sealer checks the
/// written file, so a PDFsharp that changes this order fails loudly instead of sealing the old way.
/// </summary>
internal sealed class CadesSignatureDictionary(PdfDocument document, string? contactInfo) : IAnnotationAppearanceHandler
{
    public const string SubFilter = "/ETSI.CAdES.detached";

    public void DrawAppearance(XGraphics gfx, XRect rect)
    {
        foreach (var dictionary in document.Internals.GetAllObjects().OfType<PdfDictionary>())
        {
            if (dictionary.Elements.GetName("/Type") == "/Sig" && dictionary.Elements.GetName("/SubFilter") == "/adbe.pkcs7.detached")
            {
                dictionary.Elements.SetName("/SubFilter", SubFilter);
                if (contactInfo is { Length: > 0 })
                {
                    dictionary.Elements.SetString("/ContactInfo", contactInfo);
                }
            }
        }
    }
}
