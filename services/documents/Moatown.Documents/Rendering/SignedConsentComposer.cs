using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Moatown.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Moatown.Documents.Rendering;

/// <summary>
/// The signed document, before it is sealed: for a consent, the form's own pages, a signature page
/// with each statutory item's answer and the handwritten signature, and the evidence page; for a
/// withdrawal (철회서), a page naming the withdrawn form with the signature, and the evidence page.
/// Reproducible like the form: the same inputs give the same bytes.
/// </summary>
public sealed class SignedConsentComposer(string fontDirectory = PdfFonts.DebianFontDirectory)
{
    private const double SignatureBoxHeight = 110;
    private const double SignatureBoxWidth = 260;

    private readonly DocumentFonts _fonts = DocumentFonts.In(fontDirectory);

    /// <param name="formPdf">The unsigned form exactly as <see cref="ConsentFormRenderer.RenderPdf"/> made it and the owner saw it.</param>
    /// <param name="itemAgreements">The owner's answer to each statutory item, in the form's order; empty for a withdrawal.</param>
    public byte[] Compose(byte[] formPdf, SignatureArtwork signature, ConsentEvidence evidence, IReadOnlyList<bool> itemAgreements, CompositionKind kind = CompositionKind.Consent)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(itemAgreements);
        using var drawing = SignatureDrawing.Check(signature);
        using var form = OpenForm(formPdf);
        var facts = FormFacts.ReadFrom(form)
            ?? throw new ConsentFormInputException("The form PDF was not rendered by the documents service.", nameof(formPdf));
        CheckAgreements(facts, itemAgreements, kind);
        if (kind == CompositionKind.Consent && evidence.ItemsAgreedAt is null)
        {
            throw new ItemAgreementsException("A consent's evidence records when the items were agreed.");
        }
        if (evidence.CampaignId != facts.CampaignId)
        {
            throw new ConsentFormInputException("The evidence names another campaign than the form.", nameof(evidence));
        }
        var formSha256 = Convert.ToHexStringLower(SHA256.HashData(formPdf));

        using var document = new PdfDocument();
        document.Language = "ko-KR";
        if (kind == CompositionKind.Consent)
        {
            foreach (var page in form.Pages)
            {
                document.AddPage(page);
            }
        }
        using (var flow = new PageFlow(document, _fonts))
        {
            if (kind == CompositionKind.Consent)
            {
                DrawAnswers(flow, facts, itemAgreements);
            }
            else
            {
                DrawWithdrawal(flow, facts, evidence, formSha256);
            }
            DrawSignature(flow, drawing, evidence);
            EvidencePage.Draw(flow, evidence, kind, facts, formSha256);
            flow.Finish((page, pages) => SignedWording.Footer(facts.CampaignName, kind, page, pages));
        }
        var title = kind == CompositionKind.Withdrawal ? SignedWording.WithdrawalTitle : $"{facts.Title} ({SignedWording.Signature})";
        return DeterministicPdf.Save(document, title, Fingerprint(formSha256, signature, evidence, itemAgreements, kind));
    }

    private static PdfDocument OpenForm(byte[] formPdf)
    {
        if (formPdf is not { Length: > 0 })
        {
            throw new ConsentFormInputException("The form PDF is empty.", nameof(formPdf));
        }
        try
        {
            return PdfReader.Open(new MemoryStream(formPdf, writable: false), PdfDocumentOpenMode.Import);
        }
        catch (Exception exception) when (exception is not DocumentInputException)
        {
            throw new ConsentFormInputException("The form PDF cannot be read.", nameof(formPdf));
        }
    }

    private static void CheckAgreements(FormFacts facts, IReadOnlyList<bool> itemAgreements, CompositionKind kind)
    {
        if (kind == CompositionKind.Withdrawal && itemAgreements.Count != 0)
        {
            throw new ItemAgreementsException("A withdrawal answers no statutory items.");
        }
        if (kind == CompositionKind.Consent && itemAgreements.Count != facts.StatutoryItems.Count)
        {
            throw new ItemAgreementsException(
                $"The form has {facts.StatutoryItems.Count} statutory items; {itemAgreements.Count} answers were given.");
        }
    }

    private void DrawAnswers(PageFlow flow, FormFacts facts, IReadOnlyList<bool> itemAgreements)
    {
        flow.Text(SignedWording.SignatureHeading, _fonts.Bold(18), after: 4, format: XStringFormats.TopCenter);
        flow.Text($"{facts.Title} · {facts.CampaignName} · {FormWording.Version(facts.FormVersion)}", _fonts.Regular(10), after: 10, format: XStringFormats.TopCenter);
        flow.Text(SignedWording.SignatureStatement, _fonts.Regular(11), after: 6);
        flow.Heading(FormWording.ItemsHeading);
        var text = _fonts.Regular(11);
        var boxes = _fonts.Regular(10.5);
        for (var i = 0; i < facts.StatutoryItems.Count; i++)
        {
            flow.Reserve(text.GetHeight() + boxes.GetHeight() + 8);
            flow.Text($"{i + 1}. {facts.StatutoryItems[i]}", text, after: 3);
            flow.Reserve(boxes.GetHeight() + 8);
            AnswerBoxes.Draw(flow.Gfx, boxes, flow.Left + 18, flow.Y, itemAgreements[i]);
            // The answer in words as well: the drawn mark is for the eye, the words for search and screen readers.
            var answer = itemAgreements[i] ? $"[{FormWording.Agree}]" : $"[{FormWording.Disagree}]";
            flow.Gfx.DrawString(answer, _fonts.Bold(10.5), XBrushes.Black,
                new XRect(flow.Left, flow.Y, flow.Width, boxes.GetHeight()), XStringFormats.TopRight);
            flow.Y += boxes.GetHeight() + 10;
        }
    }

    private void DrawWithdrawal(PageFlow flow, FormFacts facts, ConsentEvidence evidence, string formSha256)
    {
        flow.Text(SignedWording.WithdrawalTitle, _fonts.Bold(20), after: 10, format: XStringFormats.TopCenter);
        flow.Text(SignedWording.WithdrawalStatement, _fonts.Regular(11.5), after: 6);
        flow.Heading(SignedWording.FormReferenceHeading);
        var text = _fonts.Regular(10.5);
        flow.Text($"동의서: {facts.Title}", text);
        flow.Text($"캠페인: {facts.CampaignName} ({facts.CampaignId})", text);
        flow.Text(FormWording.Version(facts.FormVersion), text);
        flow.Text($"철회하는 동의 ID: {evidence.ConsentId}", text);
        flow.Text($"동의서 SHA-256: {formSha256}", text, after: 6);
    }

    private void DrawSignature(PageFlow flow, SignatureDrawing drawing, ConsentEvidence evidence)
    {
        flow.Reserve(SignatureBoxHeight + 60);
        flow.Heading(SignedWording.Signature);
        var box = new XRect(flow.Left, flow.Y, SignatureBoxWidth, SignatureBoxHeight);
        flow.Gfx.DrawRectangle(XPens.Gray, box);
        drawing.Draw(flow.Gfx, new XRect(box.X + 6, box.Y + 6, box.Width - 12, box.Height - 12));
        flow.Y += SignatureBoxHeight + 6;
        flow.Text($"서명 시각: {SignedWording.Time(evidence.SignedAt)}", _fonts.Regular(10));
    }

    private static byte[] Fingerprint(string formSha256, SignatureArtwork signature, ConsentEvidence evidence, IReadOnlyList<bool> itemAgreements, CompositionKind kind) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { formSha256, signature, evidence, itemAgreements, kind }));
}
