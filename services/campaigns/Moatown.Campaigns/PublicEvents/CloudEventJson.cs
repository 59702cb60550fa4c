using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Moatown.Contracts.Public;

namespace Moatown.Campaigns.PublicEvents;

/// <summary>
/// CloudEvents 1.0 in structured JSON mode (application/cloudevents+json), written by hand: seven
/// attributes and three extensions are less than a dependency. The JSON is stored as it is sent, so
/// the live queue and backfill carry byte-for-byte the same event.
/// </summary>
public static class CloudEventJson
{
    public const string ContentType = "application/cloudevents+json";
    public const string Source = "urn:moatown:campaigns";

    private static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web);

    public static string Write(Guid id, PublicEventType type, Guid campaignId, string district, long sequence, DateTimeOffset time, object data)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("specversion", "1.0");
            json.WriteString("id", id.ToString("D"));
            json.WriteString("source", Source);
            json.WriteString("type", type.CloudEventType);
            json.WriteString("subject", $"campaigns/{campaignId:D}");
            json.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("datacontenttype", "application/json");
            json.WriteString("dataschema", $"{Source}:events:{type.SchemaName}");
            json.WriteNumber("sequence", sequence);
            json.WriteString("campaignid", campaignId.ToString("D"));
            json.WriteString("district", district);
            if (Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } traceParent })
            {
                json.WriteString("traceparent", traceParent);
            }
            json.WritePropertyName("data");
            JsonSerializer.Serialize(json, data, data.GetType(), DataOptions);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
