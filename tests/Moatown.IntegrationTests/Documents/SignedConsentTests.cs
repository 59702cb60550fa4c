using System.Security.Cryptography;
using Moatown.Documents.Rendering;

namespace Moatown.IntegrationTests.Documents;

/// <summary>The signed consent and the withdrawal, before sealing, read back with poppler.</summary>
public sealed class SignedConsentTests : IDisposable
{
    private readonly ConsentFormRenderer _renderer = new();
    private readonly SignedConsentComposer _composer = new();
    private readonly Poppler _poppler = new();

    public void Dispose() => _poppler.Dispose();

    private static readonly bool[] AllAgreed = [true, true, true];

    [Fact]
    public async Task A_consent_is_the_form_pages_a_signature_page_and_an_evidence_page()
    {
        var form = _renderer.RenderPdf(ConsentSamples.TwoPageForm(), ConsentSamples.Owner);

        var signed = _composer.Compose(form, SignatureSamples.Strokes(), SignatureSamples.Evidence, AllAgreed);

        Assert.Equal(await _poppler.PageCountAsync(form) + 2, await _poppler.PageCountAsync(signed));
        var pages = await _poppler.PageTextsAsync(signed);
        Assert.Contains("첫머리문장", pages[0]);
        Assert.Contains("마지막문장", pages[1]);
        Assert.Contains("동의 서명", pages[2]);
        Assert.Equal(3, Occurrences(pages[2], "[동의함]"));
        Assert.Contains("전자서명 증거 기록", pages[3]);
    }

    [Fact]
    public async Task The_evidence_page_shows_every_value_and_no_name()
    {
        var form = _renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner);
        var evidence = SignatureSamples.Evidence;

        var signed = _composer.Compose(form, SignatureSamples.Strokes(), evidence, AllAgreed);

        var pages = await _poppler.PageTextsAsync(signed);
        var evidencePage = Compact(pages[^2]);
        foreach (var value in new[]
        {
            evidence.ConsentId.ToString(), evidence.CampaignId.ToString(), evidence.HolderId.ToString(),
            evidence.VerificationMethod, evidence.ClientAddress, evidence.UserAgent, evidence.IdempotencyKeyHash,
            Convert.ToHexStringLower(SHA256.HashData(form)),
            // Korean standard time: 01:02:03.456 UTC is 10:02:03.456 in Seoul.
            "2026-12-04T10:02:03.456+09:00", "2026-12-04T10:03:00.000+09:00", "2026-12-04T10:04:30.000+09:00",
            "2026-12-04T10:05:10.000+09:00", "2026-12-04T10:05:11.250+09:00",
            "Holderpseudonym", "Verificationmethod", "Clientaddress", "Useragent", "UnsignedformSHA-256", "Idempotencykeyhash",
        })
        {
            Assert.Contains(Compact(value), evidencePage);
        }
        Assert.DoesNotContain(ConsentSamples.Owner.OwnerName, pages[^2]);
        Assert.DoesNotContain(ConsentSamples.Owner.OwnerName, pages[^3]);
        // The owner's own form pages still carry their name.
        Assert.Contains(ConsentSamples.Owner.OwnerName, pages[0]);
    }

    [Fact]
    public async Task A_refused_item_shows_as_not_agreed()
    {
        var form = _renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner);

        var signed = _composer.Compose(form, SignatureSamples.Strokes(), SignatureSamples.Evidence, [true, false, true]);

        var signaturePage = (await _poppler.PageTextsAsync(signed))[1];
        Assert.Equal(2, Occurrences(signaturePage, "[동의함]"));
        Assert.Equal(1, Occurrences(signaturePage, "[동의하지 않음]"));
    }

    [Fact]
    public async Task Strokes_are_drawn_as_lines_and_a_png_as_an_image()
    {
        var form = _renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner);

        var fromStrokes = _composer.Compose(form, SignatureSamples.Strokes(), SignatureSamples.Evidence, AllAgreed);
        var fromPng = _composer.Compose(form, SignatureArtwork.FromPng(SignatureSamples.Png()), SignatureSamples.Evidence, AllAgreed);

        Assert.Empty(ImageRows(await _poppler.ImagesAsync(fromStrokes)));
        var image = Assert.Single(ImageRows(await _poppler.ImagesAsync(fromPng)));
        // page num type width height ...: the image is on the signature page, at the PNG's own size.
        var columns = image.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["2", "64", "32"], [columns[0], columns[3], columns[4]]);
        Assert.NotEqual(fromStrokes, fromPng);
    }

    [Fact]
    public void Composition_is_reproducible()
    {
        var form = _renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner);

        var first = _composer.Compose(form, SignatureSamples.Strokes(), SignatureSamples.Evidence, AllAgreed);
        var second = new SignedConsentComposer().Compose([.. form], SignatureSamples.Strokes(), SignatureSamples.Evidence with { }, [.. AllAgreed]);
        var otherTime = _composer.Compose(form, SignatureSamples.Strokes(), SignatureSamples.Evidence with { SubmittedAt = SignatureSamples.Evidence.SubmittedAt.AddSeconds(1) }, AllAgreed);

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherTime);
    }

    [Fact]
    public async Task A_withdrawal_names_the_form_and_answers_no_items()
    {
        var form = _renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner);

        var withdrawal = _composer.Compose(form, SignatureSamples.Strokes(), SignatureSamples.Evidence with { ItemsAgreedAt = null }, [], CompositionKind.Withdrawal);

        Assert.Equal(2, await _poppler.PageCountAsync(withdrawal));
        var text = await _poppler.TextAsync(withdrawal);
        Assert.Contains("동의 철회서", text);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(form)), Compact(text));
        Assert.Contains(SignatureSamples.Evidence.ConsentId.ToString(), text);
        Assert.Contains("제3판", text);
        Assert.DoesNotContain("[동의함]", text);
        Assert.DoesNotContain(Compact(ConsentSamples.Form.StatutoryItems[0]), Compact(text));
        Assert.DoesNotContain(ConsentSamples.Owner.OwnerName, text);
        Assert.Contains("동의 철회서", await _poppler.InfoAsync(withdrawal));
    }

    [Fact]
    public void A_signature_without_strokes_or_image_or_with_both_is_refused()
    {
        var form = _renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner);

        AssertRefused<SignatureArtworkException>(() => _composer.Compose(form, new SignatureArtwork(null, null), SignatureSamples.Evidence, AllAgreed));
        AssertRefused<SignatureArtworkException>(() => _composer.Compose(form, SignatureArtwork.FromStrokes([], 300, 150), SignatureSamples.Evidence, AllAgreed));
        AssertRefused<SignatureArtworkException>(() => _composer.Compose(form, SignatureArtwork.FromStrokes([[]], 300, 150), SignatureSamples.Evidence, AllAgreed));
        AssertRefused<SignatureArtworkException>(() => _composer.Compose(form, new SignatureArtwork(SignatureSamples.Png(), SignatureSamples.Strokes().Strokes, 300, 150), SignatureSamples.Evidence, AllAgreed));
        AssertRefused<SignatureArtworkException>(() => _composer.Compose(form, SignatureArtwork.FromStrokes([[new(double.NaN, 1)]], 300, 150), SignatureSamples.Evidence, AllAgreed));
        AssertRefused<SignatureArtworkException>(() => _composer.Compose(form, SignatureArtwork.FromStrokes([[new(1, 1)]], 0, 150), SignatureSamples.Evidence, AllAgreed));
    }

    [Fact]
    public void A_png_that_is_not_a_png_is_refused()
    {
        var form = _renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner);
        var jpegish = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 6 };
        var truncated = SignatureSamples.Png()[..40];

        AssertRefused<SignatureArtworkException>(() => _composer.Compose(form, SignatureArtwork.FromPng(jpegish), SignatureSamples.Evidence, AllAgreed));
        AssertRefused<SignatureArtworkException>(() => _composer.Compose(form, SignatureArtwork.FromPng(truncated), SignatureSamples.Evidence, AllAgreed));
    }

    [Fact]
    public void Answers_that_do_not_match_the_form_are_refused()
    {
        var form = _renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner);

        AssertRefused<ItemAgreementsException>(() => _composer.Compose(form, SignatureSamples.Strokes(), SignatureSamples.Evidence, [true, true]));
        AssertRefused<ItemAgreementsException>(() => _composer.Compose(form, SignatureSamples.Strokes(), SignatureSamples.Evidence, [true, true, true, true]));
        AssertRefused<ItemAgreementsException>(() => _composer.Compose(form, SignatureSamples.Strokes(), SignatureSamples.Evidence, AllAgreed, CompositionKind.Withdrawal));
        AssertRefused<ItemAgreementsException>(() => _composer.Compose(form, SignatureSamples.Strokes(), SignatureSamples.Evidence with { ItemsAgreedAt = null }, AllAgreed));
    }

    [Fact]
    public void A_form_pdf_that_is_not_ours_is_refused()
    {
        var form = _renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner);
        using var foreign = new PdfSharp.Pdf.PdfDocument();
        foreign.AddPage();
        using var stream = new MemoryStream();
        foreign.Save(stream);

        AssertRefused<ConsentFormInputException>(() => _composer.Compose([1, 2, 3], SignatureSamples.Strokes(), SignatureSamples.Evidence, AllAgreed));
        AssertRefused<ConsentFormInputException>(() => _composer.Compose(stream.ToArray(), SignatureSamples.Strokes(), SignatureSamples.Evidence, AllAgreed));
        AssertRefused<ConsentFormInputException>(() => _composer.Compose(form, SignatureSamples.Strokes(), SignatureSamples.Evidence with { CampaignId = Guid.NewGuid() }, AllAgreed));
    }

    private static void AssertRefused<TException>(Func<byte[]> compose)
        where TException : DocumentInputException
    {
        var refused = Assert.Throws<TException>(() => compose());
        Assert.IsAssignableFrom<ArgumentException>(refused);
        Assert.False(string.IsNullOrEmpty(refused.Problem));
    }

    private static IEnumerable<string> ImageRows(string list) =>
        list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2);

    private static string Compact(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    private static int Occurrences(string text, string word) =>
        (text.Length - text.Replace(word, "", StringComparison.Ordinal).Length) / word.Length;
}
