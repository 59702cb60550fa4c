using Moatown.Pdf;
using PdfSharp.Drawing;

namespace Moatown.Documents.Rendering;

/// <summary>
/// The evidence page: how the signing happened, one field a row, Korean for the reader with the
/// English field name in small type for the auditor's tools and the API's names.
/// </summary>
internal static class EvidencePage
{
    private const double LabelWidth = 150;

    public static void Draw(PageFlow flow, ConsentEvidence evidence, CompositionKind kind, FormFacts form, string formSha256)
    {
        flow.NewPage();
        flow.Text(SignedWording.EvidenceTitle, flow.Fonts.Bold(18), after: 4, format: XStringFormats.TopCenter);
        flow.Text(SignedWording.EvidenceNote, flow.Fonts.Regular(9), after: 10);
        foreach (var (korean, english, value) in Fields(evidence, kind, form, formSha256))
        {
            Row(flow, korean, english, value);
        }
    }

    private static IEnumerable<(string Korean, string English, string Value)> Fields(ConsentEvidence evidence, CompositionKind kind, FormFacts form, string formSha256)
    {
        yield return ("문서 종류", "Document kind", kind == CompositionKind.Withdrawal ? SignedWording.WithdrawalTitle : SignedWording.ConsentKind);
        yield return ("동의 ID", "Consent ID", evidence.ConsentId.ToString());
        yield return ("캠페인 ID", "Campaign ID", evidence.CampaignId.ToString());
        yield return ("소유자 가명 식별자", "Holder pseudonym (holder ID)", evidence.HolderId.ToString());
        yield return ("본인확인 방법", "Verification method", evidence.VerificationMethod);
        yield return ("본인확인 시각", "Verified at", SignedWording.Time(evidence.VerifiedAt));
        yield return ("접속 주소", "Client address", evidence.ClientAddress);
        yield return ("브라우저 정보", "User agent", evidence.UserAgent);
        yield return ("동의서 열람 시각", "Form viewed at", SignedWording.Time(evidence.FormViewedAt));
        if (evidence.ItemsAgreedAt is { } agreedAt)
        {
            yield return ("항목 동의 시각", "Items agreed at", SignedWording.Time(agreedAt));
        }
        yield return ("서명 시각", "Signed at", SignedWording.Time(evidence.SignedAt));
        yield return ("제출 시각", "Submitted at", SignedWording.Time(evidence.SubmittedAt));
        yield return ("동의서 양식 판", "Form version", form.FormVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("서명 전 동의서 SHA-256", "Unsigned form SHA-256", formSha256);
        yield return ("멱등 키 해시", "Idempotency key hash", evidence.IdempotencyKeyHash);
    }

    private static void Row(PageFlow flow, string korean, string english, string value)
    {
        var label = flow.Fonts.Bold(10);
        var name = flow.Fonts.Regular(7.5);
        var text = flow.Fonts.Regular(10);
        var valueWidth = flow.Width - LabelWidth;
        var lines = TextLines.Wrap(flow.Gfx, string.IsNullOrEmpty(value) ? "-" : value, text, valueWidth);
        var height = Math.Max(label.GetHeight() + name.GetHeight(), lines.Count * text.GetHeight()) + 8;
        flow.Reserve(height);
        var gfx = flow.Gfx;
        gfx.DrawString(korean, label, XBrushes.Black, new XRect(flow.Left, flow.Y + 3, LabelWidth, label.GetHeight()), XStringFormats.TopLeft);
        gfx.DrawString(english, name, XBrushes.DimGray, new XRect(flow.Left, flow.Y + 3 + label.GetHeight(), LabelWidth, name.GetHeight()), XStringFormats.TopLeft);
        var y = flow.Y + 3;
        foreach (var line in lines)
        {
            gfx.DrawString(line, text, XBrushes.Black, new XRect(flow.Left + LabelWidth, y, valueWidth, text.GetHeight()), XStringFormats.TopLeft);
            y += text.GetHeight();
        }
        flow.Y += height;
        gfx.DrawLine(XPens.LightGray, flow.Left, flow.Y, flow.Left + flow.Width, flow.Y);
    }
}
