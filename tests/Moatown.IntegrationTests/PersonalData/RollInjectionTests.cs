using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.IntegrationTests.Authorization;
using Moatown.IntegrationTests.Infrastructure;

namespace Moatown.IntegrationTests.PersonalData;

/// <summary>
/// A roll is an outside file: its fields are data, never SQL or a spreadsheet formula. They are
/// stored and shown back exactly as written, and the database's tables are all still there.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class RollInjectionTests(SystemFixture system)
{
    private static readonly (string Original, string Hostile)[] Names =
    [
        ("김민준", "=HYPERLINK(\"http://x\",\"y\")"),
        ("이서연", "+1"),
        ("박지훈", "@SUM(1)"),
        ("최유진", "'); DROP TABLE roll_entries; --"),
        ("정하은", "x' OR '1'='1"),
    ];

    [Fact]
    public async Task Formula_and_SQL_fields_of_a_roll_are_stored_and_shown_literally_and_every_table_stays()
    {
        var world = await MatrixWorld.OfAsync(system);
        using var organizer = await world.ClientAsync("organizer", "campaigns");
        var tablesBefore = await TableCountAsync();
        var roll = CampaignRequests.SampleRoll.Replace("서울특별시 중랑구 중화동 1-1", "\"Robert'); DROP TABLE campaigns;--\"", StringComparison.Ordinal);
        foreach (var (original, hostile) in Names)
        {
            roll = roll.Replace(original, "\"" + hostile.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", StringComparison.Ordinal);
        }

        var campaignId = await organizer.CreateCampaignAsync("주입 시험");
        using var imported = await organizer.PutRollAsync(campaignId, roll);
        Assert.True(imported.StatusCode == HttpStatusCode.Created, await imported.Content.ReadAsStringAsync());

        var holders = (await organizer.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/holders")).EnumerateArray()
            .Select(h => h.GetProperty("holderId").GetGuid()).ToList();
        var shown = new List<(string Name, string? Address)>();
        foreach (var holder in holders)
        {
            var person = await organizer.GetFromJsonAsync<JsonElement>(
                $"/api/campaigns/{campaignId}/holders/{holder}/personal-data?purpose={Uri.EscapeDataString("주입 시험 확인")}");
            shown.Add((person.GetProperty("name").GetString()!, person.GetProperty("address").GetString()));
        }

        Assert.All(Names, name => Assert.Contains(shown, s => s.Name == name.Hostile));
        Assert.Contains(shown, s => s.Address == "Robert'); DROP TABLE campaigns;--");
        Assert.Equal(tablesBefore, await TableCountAsync());
        Assert.Equal(14, holders.Count);
        using var listed = await organizer.GetAsync("/api/campaigns/");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    private Task<int> TableCountAsync() => system.QueryCampaignsAsync(db => db.Database
        .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")
        .SingleAsync());
}
