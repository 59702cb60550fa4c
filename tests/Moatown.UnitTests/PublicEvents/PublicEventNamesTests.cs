using System.Text.Json;
using Moatown.Campaigns.PublicEvents;
using Moatown.Contracts.Public;
using V1 = Moatown.Contracts.Public.V1;

namespace Moatown.UnitTests.PublicEvents;

public sealed class PublicEventNamesTests
{
    [Fact]
    public void Routing_keys_carry_a_safe_district_word()
    {
        var signed = PublicEventTypes.Of(typeof(V1.ConsentSigned));
        Assert.Equal("moatown.jungnang.consent-signed.v1", DistrictCodes.RoutingKey("중랑구", signed));
        Assert.Equal("gangnam", DistrictCodes.Of(" 강남구 "));
        Assert.Equal(25, DistrictCodes.SeoulDistricts.Values.Distinct().Count());
        // Outside Seoul's 25: percent-encoded UTF-8, never '.', '*' or '#'.
        Assert.Equal("%EB%B6%80%EC%82%B0%EC%A7%84%EA%B5%AC", DistrictCodes.Of("부산진구"));
        Assert.Equal("a%2Eb%2A%23", DistrictCodes.Of("a.b*#"));
    }

    [Fact]
    public void A_cursor_reads_back_what_it_wrote_and_refuses_anything_else()
    {
        var cursor = new EventCursor(123456789012, Guid.NewGuid(), 42);
        Assert.True(EventCursor.TryParse(cursor.ToString(), out var parsed));
        Assert.Equal(cursor, parsed);
        Assert.True(EventCursor.TryParse(null, out var start));
        Assert.Equal(EventCursor.Start, start);
        Assert.False(EventCursor.TryParse("1.2.3", out _));
        Assert.False(EventCursor.TryParse("-1." + Guid.Empty.ToString("N") + ".0", out _));
    }

    [Fact]
    public void The_cloud_event_carries_the_extensions_and_the_data_without_anything_else()
    {
        var id = Guid.NewGuid();
        var campaign = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 12, 3, 5, 12, 31, 2, TimeSpan.Zero);
        var json = JsonDocument.Parse(CloudEventJson.Write(id, PublicEventTypes.Of(typeof(V1.CampaignOpened)), campaign, "중랑구", 7, at,
            new V1.CampaignOpened(campaign, "중랑구", at))).RootElement;
        Assert.Equal("1.0", json.GetProperty("specversion").GetString());
        Assert.Equal(id.ToString("D"), json.GetProperty("id").GetString());
        Assert.Equal("moatown.campaign-opened.v1", json.GetProperty("type").GetString());
        Assert.Equal("2026-12-03T05:12:31.002000Z", json.GetProperty("time").GetString());
        Assert.Equal(7, json.GetProperty("sequence").GetInt64());
        Assert.Equal(campaign.ToString("D"), json.GetProperty("campaignid").GetString());
        Assert.Equal(["campaignId", "district", "openedAt"], json.GetProperty("data").EnumerateObject().Select(p => p.Name));
    }
}
