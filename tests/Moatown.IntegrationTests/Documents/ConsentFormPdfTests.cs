using System.Security.Cryptography;
using Moatown.Documents.Rendering;

namespace Moatown.IntegrationTests.Documents;

/// <summary>The owner's consent form as a PDF, read back with poppler.</summary>
public sealed class ConsentFormPdfTests : IDisposable
{
    private readonly ConsentFormRenderer _renderer = new();
    private readonly Poppler _poppler = new();

    public void Dispose() => _poppler.Dispose();

    [Fact]
    public async Task The_form_shows_the_title_the_owner_and_each_property()
    {
        var text = await _poppler.CompactTextAsync(_renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner));

        Assert.Contains(Compact(ConsentSamples.Form.Title), text);
        Assert.Contains(Compact(ConsentSamples.Form.CampaignName), text);
        Assert.Contains("중랑구면목동모아타운", text);
        Assert.Contains("김서연", text);
        Assert.Contains("1961-**-**", text);
        foreach (var property in ConsentSamples.Owner.Properties)
        {
            Assert.Contains(Compact(property.LotNumber), text);
            Assert.Contains(property.Share, text);
        }
        Assert.Contains("토지", text);
        Assert.Contains("건축물", text);
        Assert.Contains("지상권", text);
        // Thousands separators, and the decimals the roll gave.
        Assert.Contains("1,234.5", text);
        Assert.Contains("56,789", text);
        Assert.Contains("제3판", text);
        Assert.Contains("토지면적(㎡)", text);
    }

    [Fact]
    public async Task A_long_property_list_continues_on_the_next_page_under_its_header()
    {
        var owner = ConsentSamples.Owner with
        {
            Properties = [.. Enumerable.Range(1, 70).Select(i => new OwnedProperty($"P-{i}", "land", $"서울특별시 중랑구 면목동 {i}-1", i * 10.5m, "1/1"))],
        };

        var pages = await _poppler.PageTextsAsync(_renderer.RenderPdf(ConsentSamples.Form, owner));

        Assert.True(pages.Length >= 3, $"{pages.Length - 1} pages");
        Assert.Contains("면목동 1-1", pages[0]);
        Assert.DoesNotContain("면목동 70-1", pages[0]);
        Assert.Contains(pages[1..], page => page.Contains("면목동 70-1", StringComparison.Ordinal));
        Assert.Contains("소재지(지번)", pages[1]);
        Assert.Contains("735", string.Concat(pages));
    }

    [Fact]
    public async Task Forms_rendered_at_the_same_time_are_still_identical()
    {
        var expected = _renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner);

        var rendered = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner))));

        Assert.All(rendered, pdf => Assert.Equal(expected, pdf));
    }

    [Fact]
    public async Task Each_statutory_item_is_numbered_with_empty_answer_boxes()
    {
        var text = await _poppler.CompactTextAsync(_renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner));

        for (var i = 0; i < ConsentSamples.Form.StatutoryItems.Count; i++)
        {
            Assert.Contains($"{i + 1}.{Compact(ConsentSamples.Form.StatutoryItems[i])}", text);
        }
        Assert.Equal(ConsentSamples.Form.StatutoryItems.Count, Occurrences(text, "동의하지않음"));
    }

    [Fact]
    public async Task A_long_body_runs_onto_a_second_page_with_page_numbers()
    {
        var pdf = _renderer.RenderPdf(ConsentSamples.TwoPageForm(), ConsentSamples.Owner);

        var pages = await _poppler.PageTextsAsync(pdf);
        Assert.Equal(2, await _poppler.PageCountAsync(pdf));
        Assert.Contains("첫머리문장", pages[0]);
        Assert.DoesNotContain("마지막문장", pages[0]);
        Assert.Contains("마지막문장", pages[1]);
        Assert.Contains("1 / 2쪽", pages[0]);
        Assert.Contains("2 / 2쪽", pages[1]);
    }

    [Fact]
    public void The_same_inputs_give_the_same_bytes()
    {
        var first = _renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner);
        var second = new ConsentFormRenderer().RenderPdf(ConsentSamples.Form with { StatutoryItems = [.. ConsentSamples.Form.StatutoryItems] }, ConsentSamples.Owner);

        Assert.Equal(SHA256.HashData(first), SHA256.HashData(second));
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_changed_item_or_owner_gives_different_bytes()
    {
        var original = _renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner);
        var items = ConsentSamples.Form.StatutoryItems.ToArray();
        items[1] += " (수정)";

        var changedItem = _renderer.RenderPdf(ConsentSamples.Form with { StatutoryItems = items }, ConsentSamples.Owner);
        var otherVersion = _renderer.RenderPdf(ConsentSamples.Form with { FormVersion = 4 }, ConsentSamples.Owner);
        var otherShare = _renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner with
        {
            Properties = [.. ConsentSamples.Owner.Properties.Select((p, i) => i == 0 ? p with { Share = "1/3" } : p)],
        });

        Assert.NotEqual(original, changedItem);
        Assert.NotEqual(original, otherVersion);
        Assert.NotEqual(original, otherShare);
    }

    [Fact]
    public async Task The_document_id_and_dates_are_fixed_and_the_id_follows_the_content()
    {
        var pdf = _renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner);
        var other = _renderer.RenderPdf(ConsentSamples.Form with { FormVersion = 4 }, ConsentSamples.Owner);

        var info = await _poppler.InfoAsync(pdf);
        Assert.Contains("2000", info.Split('\n').Single(l => l.StartsWith("CreationDate:", StringComparison.Ordinal)));
        Assert.NotEqual(TrailerId(pdf), TrailerId(other));
    }

    [Fact]
    public async Task The_fonts_are_embedded()
    {
        var fonts = await _poppler.FontsAsync(_renderer.RenderPdf(ConsentSamples.Form, ConsentSamples.Owner));

        var rows = fonts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Matches(@"NanumGothic.*\byes\b", row));
        // Columns: name type encoding emb sub uni object ID; emb must be yes for every font.
        Assert.All(rows, row => Assert.Equal("yes", row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5]));
    }

    [Fact]
    public void A_form_without_statutory_items_or_with_an_unknown_kind_is_refused()
    {
        Assert.Throws<ConsentFormInputException>(() => _renderer.RenderPdf(ConsentSamples.Form with { StatutoryItems = [] }, ConsentSamples.Owner));
        var unknownKind = ConsentSamples.Owner with { Properties = [ConsentSamples.Owner.Properties[0] with { Kind = "boat" }] };
        var refused = Assert.Throws<ConsentFormInputException>(() => _renderer.RenderPdf(ConsentSamples.Form, unknownKind));
        Assert.IsAssignableFrom<ArgumentException>(refused);
        Assert.DoesNotContain(ConsentSamples.Owner.OwnerName, refused.Message);
    }

    private static string TrailerId(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf("/ID", StringComparison.Ordinal);
        Assert.True(at >= 0, "the PDF has no /ID");
        return text[at..text.IndexOf(']', at)];
    }

    private static string Compact(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    private static int Occurrences(string text, string word) =>
        (text.Length - text.Replace(word, "", StringComparison.Ordinal).Length) / word.Length;
}
