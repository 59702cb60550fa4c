using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Moatown.Documents.Rendering;

/// <summary>
/// The form as a phone shows it: one self-contained page (no scripts, no external assets, so it works
/// on a poor connection and leaks no request to anyone), semantic markup for screen readers, large
/// text for older owners. Well-formed as XML too, so tests and tools can parse it strictly.
/// </summary>
internal static class ConsentFormHtml
{
    // Hangul passes through readable; markup characters and quotes are always escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body{margin:0;font-family:"Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",NanumGothic,sans-serif;font-size:1.125rem;line-height:1.7;color:#111;background:#fff}
        main{max-width:40rem;margin:0 auto;padding:1rem}
        h1{font-size:1.625rem;line-height:1.35;margin:0 0 .5rem}
        h2{font-size:1.3rem;margin:1.75rem 0 .5rem}
        .campaign,.place,.version{margin:.125rem 0;color:#333}
        table{width:100%;border-collapse:collapse;font-size:1.0625rem}
        caption{text-align:left;font-weight:bold;padding:.25rem 0}
        th,td{border:1px solid #555;padding:.5rem;text-align:left;vertical-align:top}
        thead th{background:#eee}
        td.number{text-align:right;font-variant-numeric:tabular-nums}
        ol{padding-left:1.75rem}
        li{margin:.5rem 0}
        """;

    public static string Render(ConsentFormContent form, OwnerParticulars owner)
    {
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>").Append(E(form.Title)).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");

        html.Append("<header>\n<h1>").Append(E(form.Title)).Append("</h1>\n")
            .Append("<p class=\"campaign\">").Append(E(form.CampaignName)).Append("</p>\n")
            .Append("<p class=\"place\">").Append(E(FormWording.Place(form))).Append("</p>\n")
            .Append("<p class=\"version\">").Append(E(FormWording.Version(form))).Append("</p>\n</header>\n");

        html.Append("<section aria-labelledby=\"owner\">\n<h2 id=\"owner\">").Append(E(FormWording.Owner)).Append("</h2>\n")
            .Append("<p>").Append(E(owner.OwnerName)).Append("</p>\n");
        if (!string.IsNullOrWhiteSpace(owner.BirthDateMasked))
        {
            html.Append("<p>").Append(E(FormWording.BirthDate)).Append(": ").Append(E(owner.BirthDateMasked)).Append("</p>\n");
        }
        AppendProperties(html, owner.Properties);
        html.Append("</section>\n");

        html.Append("<section aria-labelledby=\"body\">\n<h2 id=\"body\">").Append(E(FormWording.BodyHeading)).Append("</h2>\n");
        foreach (var paragraph in form.Body.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
        }
        html.Append("</section>\n");

        html.Append("<section aria-labelledby=\"items\">\n<h2 id=\"items\">").Append(E(FormWording.ItemsHeading)).Append("</h2>\n<ol>\n");
        foreach (var item in form.StatutoryItems)
        {
            html.Append("<li>").Append(E(item)).Append("</li>\n");
        }
        html.Append("</ol>\n</section>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendProperties(StringBuilder html, IReadOnlyList<OwnedProperty> properties)
    {
        html.Append("<table>\n<caption>").Append(E(FormWording.PropertiesCaption)).Append("</caption>\n<thead>\n<tr>");
        foreach (var header in new[] { FormWording.LotNumber, FormWording.Kind, FormWording.Area, FormWording.Share })
        {
            html.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
        }
        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var property in properties)
        {
            // The lot number names the row: a screen reader announces it with each cell.
            html.Append("<tr><th scope=\"row\">").Append(E(property.LotNumber)).Append("</th>")
                .Append("<td>").Append(E(PropertyKinds.Korean(property.Kind))).Append("</td>")
                .Append("<td class=\"number\">").Append(E(FormWording.AreaValue(property.LandAreaM2))).Append("</td>")
                .Append("<td class=\"number\">").Append(E(property.Share)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string E(string text) => Encoder.Encode(text);
}
