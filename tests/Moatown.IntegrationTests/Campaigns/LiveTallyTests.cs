using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Campaigns;

/// <summary>The tally stream, across replicas, and transfers on re-import.</summary>
[Collection(SystemCollection.Name)]
public sealed class LiveTallyTests(SystemFixture system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_stream_client_sees_the_tally_now_and_then_each_consent()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("stream");
        var holders = await client.HoldersByMaskedNameAsync(campaignId);
        await using var stream = await TallyStream.ConnectAsync(client, campaignId);

        var (firstSequence, first) = await stream.NextAsync(Patience);
        (await client.PaperAsync(campaignId, "consents", new { holderId = holders["김*준"], reference = "s-1" })).EnsureSuccessStatusCode();
        var afterConsent = await stream.UntilAsync((sequence, _) => sequence == 1, Patience);

        Assert.Equal(0, firstSequence);
        Assert.Equal(0, first.GetProperty("owners").GetProperty("consented").GetInt32());
        Assert.Equal(1, afterConsent.GetProperty("owners").GetProperty("consented").GetInt32());
        Assert.Equal(500m, afterConsent.GetProperty("landArea").GetProperty("consentedM2").GetDecimal());
    }

    [Fact]
    public async Task A_consent_recorded_by_one_replica_reaches_a_stream_on_another_and_both_count_alike()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("two replicas");
        var holders = await client.HoldersByMaskedNameAsync(campaignId);
        await using var replica = system.CreateCampaigns();
        using var replicaClient = await system.ClientAsync(replica, Scopes.Campaigns);
        await using var stream = await TallyStream.ConnectAsync(replicaClient, campaignId);
        await stream.NextAsync(Patience);

        // Written here, incrementally counted here; the replica learns of it through the database.
        foreach (var (name, reference) in new[] { ("최*진", "r-1"), ("정*은", "r-2"), ("김*준", "r-3") })
        {
            (await client.PaperAsync(campaignId, "consents", new { holderId = holders[name], reference })).EnsureSuccessStatusCode();
        }
        var seenByReplica = await stream.UntilAsync((sequence, _) => sequence == 3, Patience);

        // L-4 (2/3 of the shares) and 김민준's L-1, L-2 and B-1.
        Assert.Equal(2, seenByReplica.GetProperty("owners").GetProperty("consented").GetInt32());
        Assert.Equal(900m, seenByReplica.GetProperty("landArea").GetProperty("consentedM2").GetDecimal());
        // A process that has never counted this campaign counts it in full, and agrees.
        await using var fresh = system.CreateCampaigns();
        using var freshClient = await system.ClientAsync(fresh, Scopes.Campaigns);
        var recounted = await freshClient.TallyAsync(campaignId);
        Assert.Equal(Without(await client.TallyAsync(campaignId), "asOf"), Without(recounted, "asOf"));
        Assert.Equal(Without(seenByReplica, "asOf"), Without(recounted, "asOf"));
    }

    [Fact]
    public async Task A_new_owner_of_a_consenting_owners_unit_is_deemed_to_consent_and_can_withdraw()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("transfer");
        var sua = (await client.HoldersByMaskedNameAsync(campaignId))["임*아"];
        (await client.PaperAsync(campaignId, "consents", new { holderId = sua, reference = "t-1" })).EnsureSuccessStatusCode();

        // 임수아 sells building B-3 to 송민호 and leaves the roll; 김민준 (not consenting) sells L-2 to 오세훈.
        var sold = CampaignRequests.SampleRoll
            .Replace("B-3,building,중화동 1-9,,,임수아,1966-06-06,010-0000-0006", "B-3,building,중화동 1-9,,,송민호,1970-10-10,010-0000-0009", StringComparison.Ordinal)
            .Replace("L-2,land,중화동 1-2,200,,김민준,1980-01-01,010-0000-0001", "L-2,land,중화동 1-2,200,,오세훈,1961-01-01,010-0000-0010", StringComparison.Ordinal);
        using var imported = await client.PutRollAsync(campaignId, sold);

        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var import = await imported.Content.ReadFromJsonAsync<JsonElement>();
        var minho = (await client.HoldersByMaskedNameAsync(campaignId))["송*호"];
        var deemed = Assert.Single(import.GetProperty("deemedConsents").EnumerateArray());
        Assert.Equal(minho, deemed.GetProperty("holderId").GetGuid());
        Assert.Equal(["B-3"], deemed.GetProperty("propertyIds").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal([sua], deemed.GetProperty("replaced").EnumerateArray().Select(p => p.GetGuid()));

        var tally = await client.TallyAsync(campaignId);
        Assert.Equal(1, tally.GetProperty("owners").GetProperty("consented").GetInt32());
        Assert.Equal(10, tally.GetProperty("owners").GetProperty("total").GetInt32()); // 오세훈 is a new owner
        Assert.Equal(1, tally.GetProperty("bySource").GetProperty("deemed").GetInt32());

        (await client.PaperAsync(campaignId, "withdrawals", new { holderId = minho, reference = "t-w" })).EnsureSuccessStatusCode();
        Assert.Equal(0, (await client.TallyAsync(campaignId)).GetProperty("owners").GetProperty("consented").GetInt32());
        // 임수아 left the roll: her consent stays in the history but counts for nothing.
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/ledger?holderId={sua}");
        Assert.Single(history.EnumerateArray());
    }

    [Fact]
    public async Task An_unused_count_is_let_go_and_counted_again_when_asked_for()
    {
        await using var replica = system.CreateCampaigns(new()
        {
            ["Campaigns:Tallies:ReleaseIdleAfter"] = "00:00:02",
            ["Campaigns:Tallies:CheckEvery"] = "00:00:00.2",
        });
        using var client = await system.ClientAsync(replica, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("released when idle");
        var holders = await client.HoldersByMaskedNameAsync(campaignId);
        (await client.PaperAsync(campaignId, "consents", new { holderId = holders["김*준"], reference = "i-1" })).EnsureSuccessStatusCode();
        var tallies = replica.Services.GetRequiredService<Moatown.Campaigns.Tallies.LiveTallies>();
        Assert.True(tallies.CountedCampaigns > 0);

        await Eventually.HoldsAsync(() => Task.FromResult(tallies.CountedCampaigns == 0), TimeSpan.FromSeconds(10), "the idle count is released");
        var recounted = await client.TallyAsync(campaignId);

        Assert.Equal(1, recounted.GetProperty("owners").GetProperty("consented").GetInt32());
        Assert.Equal(500m, recounted.GetProperty("landArea").GetProperty("consentedM2").GetDecimal());
    }

    private static string Without(JsonElement tally, string property) =>
        JsonSerializer.Serialize(tally.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value));
}
