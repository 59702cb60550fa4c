using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moatown.Contracts.Campaigns;
using Moatown.Contracts.Signing;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Campaigns;

/// <summary>
/// registry-sample.expected.json, step by step, through the HTTP API and the broker: electronic
/// consents arrive as the signing service's events, the authority's as a paper form.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SampleTallyTests(SystemFixture system)
{
    private static readonly JsonElement Expected = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "registry-sample.expected.json"))).RootElement;

    [Fact]
    public async Task The_sample_roll_gives_the_expected_tally_after_each_step()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("중화동 모아타운 (sample)");
        var holders = await client.HoldersByMaskedNameAsync(campaignId);
        var steps = Expected.GetProperty("steps").EnumerateArray().ToArray();

        AssertStep(steps[0], await client.TallyAsync(campaignId), thresholdMet: false);

        foreach (var name in new[] { "김*준", "이*연", "최*진", "정*은", "장*호", "한*준", "임*아" })
        {
            await PublishAsync(new ConsentSigned(Guid.NewGuid(), campaignId, holders[name], DateTimeOffset.UtcNow, "sha256:" + new string('a', 64)));
        }
        using (var paper = await client.PaperAsync(campaignId, "consents", new { managingAuthority = "중랑구", reference = "종이-0001" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, paper.StatusCode);
        }
        var afterConsents = await TallyWhenAsync(client, campaignId, sequence: 8);
        AssertStep(steps[1], afterConsents, thresholdMet: true);
        Assert.Equal(6, afterConsents.GetProperty("bySource").GetProperty("electronic").GetInt32());
        Assert.Equal(1, afterConsents.GetProperty("bySource").GetProperty("paper").GetInt32());

        await PublishAsync(new ConsentWithdrawn(Guid.NewGuid(), campaignId, holders["이*연"], DateTimeOffset.UtcNow, "sha256:" + new string('b', 64)));
        var afterWithdrawal = await TallyWhenAsync(client, campaignId, sequence: 9);
        AssertStep(steps[2], afterWithdrawal, thresholdMet: false);
        Assert.Equal(1, afterWithdrawal.GetProperty("withdrawals").GetInt32());

        // Crossing the thresholds once is announced once; every move of the rate is announced.
        var tallyEvents = await system.QueryCampaignsAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType == typeof(ConsentThresholdReached).FullName || m.MessageType == typeof(ConsentRateChanged).FullName)
            .Select(m => new { m.MessageType, m.Payload }).ToListAsync());
        var events = tallyEvents.Where(m => m.Payload.Contains(campaignId.ToString(), StringComparison.Ordinal)).Select(m => m.MessageType).ToList();
        Assert.Single(events, t => t == typeof(ConsentThresholdReached).FullName);
        Assert.True(events.Count(t => t == typeof(ConsentRateChanged).FullName) >= 2);
    }

    [Fact]
    public async Task Every_owner_of_the_sample_is_counted_by_the_rule_the_expected_tally_names()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("중화동 모아타운 (owners)");

        var owners = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/owners");

        var expected = Expected.GetProperty("owners").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, owners.GetProperty("total").GetInt32());
        var actual = owners.GetProperty("owners").EnumerateArray().ToArray();
        foreach (var owner in expected)
        {
            var units = owner.GetProperty("units").EnumerateArray().Select(u => u.GetString()!).ToArray();
            var match = Assert.Single(actual, a => a.GetProperty("units").EnumerateArray().Select(u => u.GetString()!).SequenceEqual(units));
            var rules = match.GetProperty("countedBecause").EnumerateArray().Select(r => r.GetProperty("rule").GetInt32()).ToHashSet();
            foreach (var rule in RulesNamedIn(owner.GetProperty("rule").GetString()!))
            {
                Assert.True(rules.Contains(rule), $"{string.Join(",", units)}: expected rule {rule}, explained by {match.GetProperty("countedBecause")}");
            }
        }
        var notCounted = Assert.Single(owners.GetProperty("notCounted").EnumerateArray());
        Assert.Equal("L-9", notCounted.GetProperty("unit").GetString());
        Assert.Equal(8, notCounted.GetProperty("rule").GetInt32());
    }

    [Fact]
    public async Task One_holder_is_explained_with_every_owner_they_belong_to()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("중화동 모아타운 (explain)");
        var seoyeon = (await client.HoldersByMaskedNameAsync(campaignId))["이*연"];
        (await client.PaperAsync(campaignId, "consents", new { holderId = seoyeon, reference = "종이-7" })).EnsureSuccessStatusCode();

        var owners = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/owners?holderId={seoyeon}");

        // Rule 6: sole holder of L-5, and representative of the L-3/B-2 group: two owners, both consenting.
        var explained = owners.GetProperty("owners").EnumerateArray().ToArray();
        Assert.Equal(2, explained.Length);
        Assert.All(explained, o => Assert.True(o.GetProperty("consents").GetBoolean()));
        var group = Assert.Single(explained, o => o.GetProperty("kind").GetString() == "group");
        Assert.Contains("representative", group.GetProperty("why")[0].GetString());
        Assert.DoesNotContain("이서연", owners.GetRawText());
    }

    private async Task PublishAsync<T>(T message) where T : class =>
        await system.Campaigns.Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>The tally once the ledger reached <paramref name="sequence"/> (events cross the broker).</summary>
    internal static async Task<JsonElement> TallyWhenAsync(HttpClient client, Guid campaignId, long sequence)
    {
        JsonElement tally = default;
        await Eventually.HoldsAsync(async () =>
        {
            var ledger = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/ledger");
            if (ledger.GetArrayLength() < sequence) return false;
            tally = await client.TallyAsync(campaignId);
            return true;
        }, TimeSpan.FromSeconds(30), $"the ledger of {campaignId} reaches {sequence}");
        return tally;
    }

    private static void AssertStep(JsonElement step, JsonElement tally, bool thresholdMet)
    {
        var owners = step.GetProperty("owners");
        var land = step.GetProperty("landArea");
        Assert.Equal(owners.GetProperty("consented").GetInt32(), tally.GetProperty("owners").GetProperty("consented").GetInt32());
        Assert.Equal(owners.GetProperty("total").GetInt32(), tally.GetProperty("owners").GetProperty("total").GetInt32());
        Assert.Equal(land.GetProperty("consentedM2").GetDecimal(), tally.GetProperty("landArea").GetProperty("consentedM2").GetDecimal());
        Assert.Equal(land.GetProperty("totalM2").GetDecimal(), tally.GetProperty("landArea").GetProperty("totalM2").GetDecimal());
        Assert.Equal(step.TryGetProperty("thresholdMet", out var met) ? met.GetBoolean() : thresholdMet, tally.GetProperty("thresholdMet").GetBoolean());
        Assert.Equal(thresholdMet, tally.GetProperty("thresholdMet").GetBoolean());
    }

    /// <summary>"3 and 5: …" names rules 3 and 5; "building owner on land of another owner" names none.</summary>
    private static IEnumerable<int> RulesNamedIn(string rule)
    {
        var head = rule.Split(':')[0];
        return head.Split(" and ").Select(part => int.TryParse(part.Trim(), out var n) ? n : -1).Where(n => n > 0);
    }
}
