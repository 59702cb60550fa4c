using System.Text.Json;
using System.Text.RegularExpressions;

namespace Moatown.Web.Residents;

/// <summary>
/// The form's HTML from the documents service is a whole page of its own; here its body sits inside
/// ours, one heading level down (our page has the h1), and without its style element (our policy
/// allows only our own style sheet, which styles it under .form-document).
/// </summary>
internal static partial class FormDocument
{
    public static string Body(string html)
    {
        var main = MainElement().Match(html);
        var body = main.Success ? main.Groups[1].Value : StyleElement().Replace(html, "");
        return HeadingLevel().Replace(body, m => $"<{m.Groups[1].Value}h{int.Parse(m.Groups[2].Value) + 1}");
    }

    /// <summary>The signature field as the signing API takes it: <c>{strokes,width,height}</c> or <c>{png}</c>; null when empty or not JSON.</summary>
    public static JsonElement? Signature(string? posted)
    {
        if (string.IsNullOrWhiteSpace(posted) || posted.Length > 1_000_000)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(posted);
            var root = document.RootElement;
            var drawn = root.ValueKind == JsonValueKind.Object
                && ((root.TryGetProperty("strokes", out var strokes) && strokes.ValueKind == JsonValueKind.Array && strokes.GetArrayLength() > 0)
                    || (root.TryGetProperty("png", out var png) && png.ValueKind == JsonValueKind.String && png.GetString()!.Length > 0));
            return drawn ? root.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"<main[^>]*>(.*)</main>", RegexOptions.Singleline)]
    private static partial Regex MainElement();

    [GeneratedRegex(@"<style[^>]*>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@"<(/?)h([1-5])")]
    private static partial Regex HeadingLevel();
}
