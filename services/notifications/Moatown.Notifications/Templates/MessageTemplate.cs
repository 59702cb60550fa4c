using System.Text;
using System.Text.RegularExpressions;

namespace Moatown.Notifications.Templates;

/// <summary>
/// A versioned Korean message text with {placeholders}. A published version never changes: a new
/// wording is a new version, so every stored message can say exactly which text it was rendered from.
/// </summary>
public sealed partial class MessageTemplate
{
    public MessageTemplate(string id, int version, string purpose, string body)
    {
        Id = id;
        Version = version;
        Purpose = purpose;
        Body = body;
        Placeholders = [.. Placeholder().Matches(body).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];
    }

    public string Id { get; }
    public int Version { get; }
    public string Purpose { get; }
    public string Body { get; }
    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>"invitation.v1": how callers and stored messages name this template.</summary>
    public string Key => $"{Id}.v{Version}";

    /// <exception cref="TemplateRenderException">A placeholder has no value (or an empty one), or a value names no placeholder.</exception>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        var missing = Placeholders.Where(p => !values.TryGetValue(p, out var value) || string.IsNullOrWhiteSpace(value)).ToList();
        if (missing.Count > 0)
        {
            throw new TemplateRenderException(Key, $"missing values for {string.Join(", ", missing)}");
        }
        // A value the template does not use is most likely a caller's typo for one it does.
        var unknown = values.Keys.Where(k => !Placeholders.Contains(k, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new TemplateRenderException(Key, $"values for no placeholder: {string.Join(", ", unknown)}");
        }
        var text = new StringBuilder(Body.Length + 64);
        var last = 0;
        // One pass over the body: a value that itself contains "{…}" is never expanded again.
        foreach (Match match in Placeholder().Matches(Body))
        {
            text.Append(Body, last, match.Index - last).Append(values[match.Groups[1].Value]);
            last = match.Index + match.Length;
        }
        return text.Append(Body, last, Body.Length - last).ToString();
    }

    [GeneratedRegex(@"\{([a-zA-Z][a-zA-Z0-9]*)\}")]
    private static partial Regex Placeholder();
}
