using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Registry;
using Moatown.Campaigns.Rolls;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;
using Npgsql;

namespace Moatown.IntegrationTests.Campaigns;

[Collection(SystemCollection.Name)]
public sealed class RollImportTests(SystemFixture system)
{
    private static readonly string SampleRoll = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "registry-sample.csv"));

    [Fact]
    public async Task The_sample_roll_is_imported_as_a_version_with_its_holders()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateCampaignAsync("중화동 모아타운");

        using var response = await PutRollAsync(client, campaignId, SampleRoll);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var import = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("sha256:", import.GetProperty("version").GetString());
        Assert.Equal(20, import.GetProperty("rows").GetInt32());
        Assert.Equal(15, import.GetProperty("properties").GetInt32());
        Assert.Equal(14, import.GetProperty("holders").GetInt32());
        var roll = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/roll");
        Assert.Equal(import.GetProperty("version").GetString(), roll.GetProperty("version").GetString());

        var holders = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/holders");
        var minjun = holders.EnumerateArray().Single(h => h.GetProperty("name").GetString() == "김*준");
        Assert.Equal("1980-**-**", minjun.GetProperty("birthDate").GetString());
        Assert.Equal(new[] { "L-1", "L-2", "B-1" }, minjun.GetProperty("properties").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Contains(holders.EnumerateArray(), h => h.GetProperty("name").GetString() == "중랑구");
    }

    [Fact]
    public async Task Personal_data_is_stored_only_encrypted()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateCampaignAsync("encryption check");
        (await PutRollAsync(client, campaignId, SampleRoll)).EnsureSuccessStatusCode();

        // Everything the database holds for this campaign's roll, as text.
        var stored = await system.QueryCampaignsAsync(db => db.Database.SqlQuery<string>($"""
            SELECT row_to_json(e)::text AS "Value" FROM roll_entries e
            JOIN roll_versions v ON v.id = e.roll_version_id WHERE v.campaign_id = {campaignId}
            UNION ALL SELECT row_to_json(h)::text FROM holders h WHERE h.campaign_id = {campaignId}
            UNION ALL SELECT payload::text FROM outbox_messages
            """).ToListAsync());

        var everything = string.Join('\n', stored);
        Assert.Contains("중화동 1-1", everything, StringComparison.Ordinal); // lot numbers are not personal
        foreach (var personal in new[] { "김민준", "이서연", "1980-01-01", "010-0000-0001", "+821000000001", "서울특별시 중랑구 중화동 1-1" })
        {
            Assert.DoesNotContain(personal, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_same_roll_again_is_no_new_version_and_a_changed_roll_keeps_holder_ids()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateCampaignAsync("re-import");
        (await PutRollAsync(client, campaignId, SampleRoll)).EnsureSuccessStatusCode();
        var before = await HolderIdsAsync(client, campaignId);

        using var again = await PutRollAsync(client, campaignId, SampleRoll.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unchanged").GetBoolean());

        // 임수아 sells B-3 to a new owner; L-12 is added.
        var changed = SampleRoll
            .Replace("B-3,building,중화동 1-9,,,임수아,1966-06-06,010-0000-0006", "B-3,building,중화동 1-9,,,송민호,1970-10-10,010-0000-0009", StringComparison.Ordinal)
            + "L-12,land,중화동 1-12,90,,김민준,1980-01-01,010-0000-0001,1,,person,,,\n";
        using var next = await PutRollAsync(client, campaignId, changed);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        var diff = (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("diff");
        Assert.Equal(new[] { "L-12" }, diff.GetProperty("propertiesAdded").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Equal(new[] { "B-3" }, diff.GetProperty("propertiesWithChangedHolders").EnumerateArray().Select(p => p.GetString()!).ToArray());

        var after = await HolderIdsAsync(client, campaignId);
        Assert.Equal(before["김*준"], after["김*준"]);
        Assert.DoesNotContain("임*아", after.Keys);
        Assert.Contains("송*호", after.Keys);
        Assert.Equal(2, await system.QueryCampaignsAsync(db => db.RollVersions.CountAsync(v => v.CampaignId == campaignId)));
    }

    [Fact]
    public async Task A_roll_with_errors_is_rejected_whole_with_every_error_located()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateCampaignAsync("bad roll");
        var broken = SampleRoll
            .Replace("L-2,land,중화동 1-2,200", "L-2,land,중화동 1-2,-200", StringComparison.Ordinal)
            .Replace("1975-05-05,010-0000-0002,1,,person", "1975-13-05,010-0000-0002,1,,person", StringComparison.Ordinal);

        using var response = await PutRollAsync(client, campaignId, broken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 3 && e.GetProperty("column").GetString() == "land_area_m2");
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 12 && e.GetProperty("column").GetString() == "birth_date");
        Assert.Equal(0, await system.QueryCampaignsAsync(db => db.RollVersions.CountAsync(v => v.CampaignId == campaignId)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/campaigns/{campaignId}/roll")).StatusCode);
    }

    [Fact]
    public async Task A_roll_that_is_not_csv_or_too_large_is_refused()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateCampaignAsync("wrong upload");

        using var json = await client.PutAsJsonAsync($"/api/campaigns/{campaignId}/roll", new { rows = 1 });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);

        using var huge = new ByteArrayContent(new byte[RollParser.MaxBytes + 1]);
        huge.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var tooLarge = await client.PutAsync($"/api/campaigns/{campaignId}/roll", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task While_one_import_holds_the_campaign_another_gets_409_and_changes_nothing()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateCampaignAsync("concurrent imports");
        await using var blocker = new NpgsqlConnection(system.Postgres.ConnectionString("campaignsdb"));
        await blocker.OpenAsync();
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({RollImporter.LockKey(campaignId)})", blocker))
        {
            await lockCommand.ExecuteScalarAsync();
        }

        using var refused = await PutRollAsync(client, campaignId, SampleRoll);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(0, await system.QueryCampaignsAsync(db => db.RollVersions.CountAsync(v => v.CampaignId == campaignId)));
        // Released explicitly: a closed connection goes back to its pool still holding a session lock.
        await using (var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({RollImporter.LockKey(campaignId)})", blocker))
        {
            await unlock.ExecuteScalarAsync();
        }
        Assert.Equal(HttpStatusCode.Created, (await PutRollAsync(client, campaignId, SampleRoll)).StatusCode);
    }

    [Fact]
    public async Task Another_organizers_roll_cannot_be_read_or_replaced()
    {
        var secretA = await system.RegisterClientAsync("organizer-a", [Roles.Organizer], [Scopes.Campaigns]);
        var secretB = await system.RegisterClientAsync("organizer-b", [Roles.Organizer], [Scopes.Campaigns]);
        using var organizerA = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, "organizer-a", secretA);
        using var organizerB = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, "organizer-b", secretB);
        var campaignId = await organizerA.CreateCampaignAsync("A's area");
        (await PutRollAsync(organizerA, campaignId, SampleRoll)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await organizerB.GetAsync($"/api/campaigns/{campaignId}/holders")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutRollAsync(organizerB, campaignId, SampleRoll)).StatusCode);
    }

    private static Task<HttpResponseMessage> PutRollAsync(HttpClient client, Guid campaignId, string csv) =>
        client.PutAsync($"/api/campaigns/{campaignId}/roll", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static async Task<Dictionary<string, Guid>> HolderIdsAsync(HttpClient client, Guid campaignId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/holders"))
            .EnumerateArray()
            .GroupBy(h => h.GetProperty("name").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("holderId").GetGuid());
}
