using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.Contracts.Public;
using Moatown.IntegrationTests.Infrastructure;

namespace Moatown.IntegrationTests.PublicEvents;

/// <summary>Every public event the system publishes matches its published JSON Schema, and so do the examples.</summary>
[Collection(SystemCollection.Name)]
public sealed class PublicEventContractTests(SystemFixture system)
{
    [Fact]
    public async Task Every_public_event_of_a_campaigns_life_matches_its_schema()
    {
        await using var host = await PublicEventHost.StartAsync(system, "campaigns_public_contract");
        var (campaign, holders) = await host.OpenCampaignAsync("계약 시험", "중랑구", 3);
        using var admin = await host.AdminAsync();
        foreach (var holder in holders)
        {
            await host.PaperConsentAsync(admin, campaign, holder, $"contract-{holder}");
        }
        using (var withdrawn = await admin.PaperAsync(campaign, "withdrawals", new { holderId = holders[0], reference = "withdrawal-1" }))
        {
            withdrawn.EnsureSuccessStatusCode();
        }
        using (var closed = await admin.PostAsync($"/api/campaigns/{campaign}/close", null))
        {
            closed.EnsureSuccessStatusCode();
        }

        var stored = await host.QueryAsync(db => db.PublicEvents.OrderBy(e => e.Sequence).ToListAsync());
        var types = stored.Select(e => $"moatown.{e.Type}.v{e.Major}").ToHashSet();
        // Every public type occurred, so every schema was exercised.
        Assert.Equal(PublicEventTypes.ByType.Values.Select(t => t.CloudEventType).Order(), types.Order());
        Assert.Equal(PublicEventSchemas.Types.Order(), types.Order());
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored.Select(e => e.Sequence));
        foreach (var e in stored)
        {
            var json = JsonDocument.Parse(e.CloudEvent).RootElement;
            PublicEventSchemas.AssertValid(json);
            Assert.Equal(e.Id.ToString("D"), json.GetProperty("id").GetString());
            Assert.Equal(e.Sequence, json.GetProperty("sequence").GetInt64());
        }
        // What was published is what the store holds.
        await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.PublicEvents.AllAsync(e => e.PublishedAt != null)),
            TimeSpan.FromSeconds(30), "the relay published every event");
    }

    [Fact]
    public void Every_schema_has_a_valid_example()
    {
        var examples = Directory.GetFiles(Path.Combine(PublicEventSchemas.Directory, "examples"), "*.json");
        Assert.Equal(PublicEventSchemas.Types.Count, examples.Length);
        foreach (var file in examples)
        {
            PublicEventSchemas.AssertValid(JsonDocument.Parse(File.ReadAllText(file)).RootElement);
        }
    }
}
