using System.Net;
using System.Text.Json;

namespace Moatown.Web.Staff.Campaigns;

/// <summary>
/// What a gateway call came to: the value, or the status and the problem details the service
/// answered with (RFC 9457), for the page to say in plain words what to do next.
/// </summary>
public sealed record ApiAnswer<T>(HttpStatusCode Status, T? Value, ApiProblem? Problem)
{
    public bool Succeeded => (int)Status is >= 200 and < 300 && Value is not null;

    /// <summary>No token any more (session ended, refresh refused) or the gateway refused it: sign in again.</summary>
    public bool SignInRequired => Status == HttpStatusCode.Unauthorized;

    /// <summary>Not there, or another organizer's or district's: the services do not tell them apart.</summary>
    public bool NotFound => Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden;
}

/// <summary>An RFC 9457 problem: title, detail, and for validation the errors by field (JSON path).</summary>
public sealed record ApiProblem(string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors, JsonElement Body)
{
    public static ApiProblem From(string json)
    {
        try
        {
            var body = JsonDocument.Parse(json).RootElement.Clone();
            if (body.ValueKind != JsonValueKind.Object)
            {
                return Empty;
            }
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            // A validation problem names fields; the roll import's "errors" is a list of lines instead.
            if (body.TryGetProperty("errors", out var byField) && byField.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in byField.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? [.. field.Value.EnumerateArray().Select(message => message.GetString() ?? "")]
                        : [];
                }
            }
            return new(Text(body, "title"), Text(body, "detail"), errors, body);
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    public static readonly ApiProblem Empty = new(null, null, new Dictionary<string, string[]>(), default);

    /// <summary>A list in the problem's extensions, e.g. the roll import's errors by line.</summary>
    public IReadOnlyList<TItem> List<TItem>(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.Deserialize<List<TItem>>(StaffCampaigns.Json) ?? []
            : [];

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
