using System.Text.Json;

namespace Moatown.SampleSubscriber;

/// <summary>The attributes a subscriber orders and deduplicates by; the whole CloudEvent is in <see cref="Json"/>.</summary>
public sealed record PublicEvent(string Id, string Type, Guid CampaignId, long Sequence, JsonElement Json)
{
    public JsonElement Data => Json.GetProperty("data");

    public static PublicEvent Parse(JsonElement json) => new(
        json.GetProperty("id").GetString()!,
        json.GetProperty("type").GetString()!,
        Guid.Parse(json.GetProperty("campaignid").GetString()!),
        json.GetProperty("sequence").GetInt64(),
        json.Clone());

    public static PublicEvent Parse(ReadOnlySpan<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8.ToArray());
        return Parse(document.RootElement);
    }
}
