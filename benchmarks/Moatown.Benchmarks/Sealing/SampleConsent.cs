using Moatown.Documents.Rendering;
using PdfSharp.Pdf.IO;

namespace Moatown.Benchmarks.Sealing;

/// <summary>
/// One signed consent as the sealing queue composes it: a two-page form with three properties and
/// three statutory items, a drawn signature, and the evidence page. The same bytes are sealed every
/// time: the sealer rewrites the file and draws a fresh time-stamp, so no two seals are alike anyway.
/// </summary>
public static class SampleConsent
{
    public static byte[] Compose()
    {
        var (formPdf, signature, evidence) = Inputs();
        return new SignedConsentComposer().Compose(formPdf, signature, evidence, Agreements);
    }

    public static readonly bool[] Agreements = [true, true, true];

    /// <summary>An owner's form as documents renders it when they open it: the campaign's form and their particulars.</summary>
    public static (ConsentFormContent Form, OwnerParticulars Owner) Form()
    {
        var campaignId = Guid.Parse("5b0e1f0a-6d1c-4c1e-9a39-6f1f4c7f0a11");
        var holderId = Guid.Parse("0c6b7d8e-2f3a-4b5c-8d9e-0a1b2c3d4e5f");
        var form = new ConsentFormContent(
            CampaignId: campaignId,
            CampaignName: "면목동 모아타운 1구역",
            District: "중랑구",
            AreaName: "면목동 모아타운",
            Title: "모아주택 사업 시행 동의서",
            Body: "본인은 아래 부동산의 소유자로서 면목동 모아타운 1구역 소규모주택정비사업의 시행에 동의합니다.\n"
                  + string.Join("\n", Enumerable.Range(1, 30).Select(i => $"제{i}조 이 조항은 정비사업의 시행과 관련된 소유자의 권리와 의무를 설명하는 문단입니다.")),
            StatutoryItems:
            [
                "건축물 설계의 개요 및 공사비 등 정비사업비용의 개략적인 금액에 동의합니다.",
                "정비사업비용의 분담 기준 및 사업 완료 후 소유권 귀속에 관한 사항에 동의합니다.",
                "조합 정관 또는 사업시행규정에 동의합니다.",
            ],
            FormVersion: 3);
        var owner = new OwnerParticulars(
            HolderId: holderId,
            OwnerName: "김서연",
            BirthDateMasked: "1961-**-**",
            Properties:
            [
                new("P-0001", "land", "서울특별시 중랑구 면목동 123-45", 1234.5m, "1/2"),
                new("P-0002", "building", "서울특별시 중랑구 면목동 123-45 제1동", null, "1/1"),
                new("P-0003", "superficies", "서울특별시 중랑구 면목동 200-7", 56789m, "3/10"),
            ]);
        return (form, owner);
    }

    /// <summary>What the sealing queue composes from: the owner's rendered form, the drawn signature and the evidence.</summary>
    public static (byte[] FormPdf, SignatureArtwork Signature, ConsentEvidence Evidence) Inputs()
    {
        var (form, owner) = Form();
        var campaignId = form.CampaignId;
        var holderId = owner.HolderId;
        var evidence = new ConsentEvidence(
            ConsentId: Guid.Parse("a1b2c3d4-0000-4000-8000-00000000c0de"),
            CampaignId: campaignId,
            HolderId: holderId,
            VerificationMethod: "pass-sms",
            VerifiedAt: new DateTimeOffset(2026, 12, 4, 1, 2, 3, 456, TimeSpan.Zero),
            ClientAddress: "203.0.113.42",
            UserAgent: "Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
            FormViewedAt: new DateTimeOffset(2026, 12, 4, 1, 3, 0, 0, TimeSpan.Zero),
            ItemsAgreedAt: new DateTimeOffset(2026, 12, 4, 1, 4, 30, 0, TimeSpan.Zero),
            SignedAt: new DateTimeOffset(2026, 12, 4, 1, 5, 10, 0, TimeSpan.Zero),
            SubmittedAt: new DateTimeOffset(2026, 12, 4, 1, 5, 11, 250, TimeSpan.Zero),
            IdempotencyKeyHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        // A hand-drawn signature: a few strokes of many points, as a phone canvas sends them.
        var signature = SignatureArtwork.FromStrokes(
            [.. Enumerable.Range(0, 4).Select(s => (IReadOnlyList<SignaturePoint>)[.. Enumerable.Range(0, 60)
                .Select(i => new SignaturePoint(20 + s * 70 + i, 75 + 50 * Math.Sin((i + s * 13) / 6.0)))])],
            360, 150);

        return (new ConsentFormRenderer().RenderPdf(form, owner), signature, evidence);
    }

    public static int Pages(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Import);
        return document.PageCount;
    }
}
