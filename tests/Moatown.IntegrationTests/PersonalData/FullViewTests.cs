using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moatown.IntegrationTests.Authorization;
using Moatown.IntegrationTests.Infrastructure;

namespace Moatown.IntegrationTests.PersonalData;

/// <summary>A holder's personal data in full: the campaign's organizer, a stated purpose, an audit record.</summary>
[Collection(SystemCollection.Name)]
public sealed class FullViewTests(SystemFixture system)
{
    [Fact]
    public async Task The_organizer_sees_a_holder_in_full_with_a_purpose_and_the_view_is_audited()
    {
        var world = await MatrixWorld.OfAsync(system);
        using var organizer = await world.ClientAsync("organizer", "campaigns");
        var purpose = $"본인 확인 전화 {Guid.NewGuid():N}";

        using var response = await organizer.GetAsync(PathOf(world, purpose));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var person = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("김민준", person.GetProperty("name").GetString());
        Assert.Equal("1980-01-01", person.GetProperty("birthDate").GetString());
        Assert.Equal("+821000000001", person.GetProperty("phone").GetString());
        Assert.Equal("서울특별시 중랑구 중화동 1-1", person.GetProperty("address").GetString());

        var record = (await AuditRecordsAsync(world)).Single(r => r.GetProperty("purpose").GetString() == purpose);
        Assert.Equal("personal-data.view", record.GetProperty("action").GetString());
        Assert.Equal($"campaign/{world.CampaignId}/holder/{world.HolderId}", record.GetProperty("resource").GetString());
        Assert.Equal("matrix-organizer", record.GetProperty("actor").GetString());
        // The record names ids and the purpose only, never what was shown.
        Assert.DoesNotContain("김민준", record.GetRawText());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("why")]
    public async Task Without_a_purpose_of_five_characters_nothing_is_shown_or_recorded(string? purpose)
    {
        var world = await MatrixWorld.OfAsync(system);
        using var organizer = await world.ClientAsync("organizer", "campaigns");
        var before = (await AuditRecordsAsync(world)).Length;

        using var response = await organizer.GetAsync(PathOf(world, purpose));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, (await AuditRecordsAsync(world)).Length);
    }

    [Theory]
    [InlineData("provider-admin", HttpStatusCode.Forbidden)]
    [InlineData("officer", HttpStatusCode.Forbidden)]
    [InlineData("auditor", HttpStatusCode.Forbidden)]
    [InlineData("other-organizer", HttpStatusCode.NotFound)]
    public async Task Nobody_else_sees_a_holder_in_full(string caller, HttpStatusCode expected)
    {
        var world = await MatrixWorld.OfAsync(system);
        using var client = await world.ClientAsync(caller, "campaigns");

        using var response = await client.GetAsync(PathOf(world, "본인 확인 전화"));

        Assert.Equal(expected, response.StatusCode);
    }

    private static string PathOf(MatrixWorld world, string? purpose) =>
        $"/api/campaigns/{world.CampaignId}/holders/{world.HolderId}/personal-data"
        + (purpose is null ? "" : $"?purpose={Uri.EscapeDataString(purpose)}");

    private static async Task<JsonElement[]> AuditRecordsAsync(MatrixWorld world)
    {
        using var auditor = await world.ClientAsync("auditor", "campaigns");
        var records = new List<JsonElement>();
        long after = 0;
        while (true)
        {
            var page = await auditor.GetFromJsonAsync<JsonElement>($"/api/campaigns/audit/?after={after}&limit=500");
            records.AddRange(page.GetProperty("records").EnumerateArray().Where(r => r.GetProperty("action").GetString() == "personal-data.view"));
            if (page.GetProperty("next").ValueKind != JsonValueKind.Number)
            {
                return [.. records];
            }
            after = page.GetProperty("next").GetInt64();
        }
    }
}
