using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Moatown.Documents.Rendering;

namespace Moatown.IntegrationTests.Documents;

/// <summary>The form as the phone shows it: parsed strictly as XML, so unbalanced or unescaped markup fails.</summary>
public sealed class ConsentFormHtmlTests
{
    private readonly ConsentFormRenderer _renderer = new();

    [Fact]
    public void The_page_is_korean_with_headings_a_captioned_table_and_an_ordered_list_of_items()
    {
        var html = Parse(_renderer.RenderHtml(ConsentSamples.Form, ConsentSamples.Owner));

        Assert.Equal("ko", html.Root!.Attribute("lang")?.Value);
        Assert.Equal(ConsentSamples.Form.Title, html.Descendants("h1").Single().Value);
        Assert.True(html.Descendants("h2").Count() >= 3);
        var table = html.Descendants("table").Single();
        Assert.False(string.IsNullOrWhiteSpace(table.Element("caption")?.Value));
        Assert.All(table.Element("thead")!.Descendants("th"), th => Assert.Equal("col", th.Attribute("scope")?.Value));
        var rows = table.Element("tbody")!.Elements("tr").ToList();
        Assert.Equal(ConsentSamples.Owner.Properties.Count, rows.Count);
        Assert.Equal("row", rows[0].Element("th")?.Attribute("scope")?.Value);
        Assert.Equal(["서울특별시 중랑구 면목동 123-45", "토지", "1,234.5", "1/2"], rows[0].Elements().Select(e => e.Value));
        Assert.Equal("지상권", rows[2].Elements().ElementAt(1).Value);
        Assert.Equal(ConsentSamples.Form.StatutoryItems, html.Descendants("ol").Single().Elements("li").Select(li => li.Value));
        Assert.Contains(html.Descendants("p"), p => p.Value == "김서연");
    }

    [Fact]
    public void The_page_is_self_contained_and_readable_on_a_phone()
    {
        var text = _renderer.RenderHtml(ConsentSamples.Form, ConsentSamples.Owner);
        var html = Parse(text);

        Assert.Empty(html.Descendants("script"));
        Assert.Empty(html.Descendants("link"));
        Assert.Empty(html.Descendants("img"));
        Assert.DoesNotContain("http://", text.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
        Assert.NotNull(html.Descendants("meta").SingleOrDefault(m => m.Attribute("name")?.Value == "viewport"));
        var style = html.Descendants("style").Single().Value;
        var baseSize = Regex.Match(style, @"body\{[^}]*font-size:(?<size>[0-9.]+)rem");
        Assert.True(baseSize.Success, style);
        Assert.True(double.Parse(baseSize.Groups["size"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1.125);
        Assert.DoesNotMatch(@"font-size:\s*[0-9.]+px", style);
    }

    [Fact]
    public void Markup_in_any_value_is_text_not_markup()
    {
        const string Attack = "<script>alert(\"x\")</script>&";
        var form = ConsentSamples.Form with { Title = Attack, Body = Attack, StatutoryItems = [Attack], CampaignName = Attack };
        var owner = ConsentSamples.Owner with
        {
            OwnerName = Attack,
            Properties = [ConsentSamples.Owner.Properties[0] with { LotNumber = Attack, Share = "<b>1/2</b>" }],
        };

        var text = _renderer.RenderHtml(form, owner);
        var html = Parse(text);

        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", text, StringComparison.Ordinal);
        Assert.Empty(html.Descendants("script"));
        Assert.Equal(Attack, html.Descendants("h1").Single().Value);
        Assert.Equal(Attack, html.Descendants("li").Single().Value);
        Assert.Contains(html.Descendants("td"), td => td.Value == "<b>1/2</b>");
    }

    [Fact]
    public void The_html_refuses_what_the_pdf_refuses()
    {
        Assert.Throws<ConsentFormInputException>(() => _renderer.RenderHtml(ConsentSamples.Form, ConsentSamples.Owner with { Properties = [] }));
    }

    private static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }
}
