using System.Text;
using System.Text.Json;
using Moatown.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Moatown.Documents.Rendering;

/// <summary>
/// The consent form one owner reads and signs: the campaign's form (one version of it) filled in with
/// the owner's own properties, as a PDF (the document that is signed and sealed) and as HTML (what the
/// phone shows). Pure: no clock, no randomness, so the same inputs give the same bytes.
/// </summary>
public sealed class ConsentFormRenderer(string fontDirectory = PdfFonts.DebianFontDirectory)
{
    private readonly DocumentFonts _fonts = DocumentFonts.In(fontDirectory);

    public byte[] RenderPdf(ConsentFormContent form, OwnerParticulars owner)
    {
        FormValidation.Check(form, owner);
        using var document = new PdfDocument();
        document.Language = "ko-KR";
        using (var flow = new PageFlow(document, _fonts))
        {
            DrawHeader(flow, form, owner);
            DrawProperties(flow, owner.Properties);
            flow.Heading(FormWording.BodyHeading);
            flow.Text(form.Body, _fonts.Regular(11), after: 4);
            DrawItems(flow, form.StatutoryItems);
            flow.Finish((page, pages) => FormWording.Footer(form, page, pages));
        }
        FormFacts.Of(form).WriteTo(document);
        return DeterministicPdf.Save(document, form.Title, Fingerprint(form, owner));
    }

    public string RenderHtml(ConsentFormContent form, OwnerParticulars owner)
    {
        FormValidation.Check(form, owner);
        return ConsentFormHtml.Render(form, owner);
    }

    private void DrawHeader(PageFlow flow, ConsentFormContent form, OwnerParticulars owner)
    {
        flow.Text(form.Title, _fonts.Bold(20), after: 6, format: XStringFormats.TopCenter);
        flow.Text(form.CampaignName, _fonts.Regular(12), format: XStringFormats.TopCenter);
        flow.Text(FormWording.Place(form), _fonts.Regular(11), after: 14, format: XStringFormats.TopCenter);
        var label = _fonts.Bold(12);
        flow.Text($"{FormWording.Owner}: {owner.OwnerName}", label);
        if (!string.IsNullOrWhiteSpace(owner.BirthDateMasked))
        {
            flow.Text($"{FormWording.BirthDate}: {owner.BirthDateMasked}", _fonts.Regular(11));
        }
    }

    private void DrawProperties(PageFlow flow, IReadOnlyList<OwnedProperty> properties)
    {
        flow.Heading(FormWording.PropertiesHeading);
        var table = new PropertyTable(flow);
        table.Header();
        foreach (var property in properties)
        {
            table.Row(property);
        }
        flow.Y += 6;
    }

    private void DrawItems(PageFlow flow, IReadOnlyList<string> items)
    {
        flow.Heading(FormWording.ItemsHeading);
        var text = _fonts.Regular(11);
        var boxes = _fonts.Regular(10.5);
        for (var i = 0; i < items.Count; i++)
        {
            // Keep an item's first line together with its answer boxes where the page allows.
            flow.Reserve(text.GetHeight() + boxes.GetHeight() + 8);
            flow.Text($"{i + 1}. {items[i]}", text, after: 3);
            flow.Reserve(boxes.GetHeight() + 8);
            AnswerBoxes.Draw(flow.Gfx, boxes, flow.Left + 18, flow.Y, agreed: null);
            flow.Y += boxes.GetHeight() + 10;
        }
    }

    /// <summary>Every input, in one stable encoding: it seeds the PDF's /ID.</summary>
    private static byte[] Fingerprint(ConsentFormContent form, OwnerParticulars owner) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { form, owner }));
}
