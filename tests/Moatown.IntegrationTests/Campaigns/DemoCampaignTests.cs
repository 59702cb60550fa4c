using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moatown.IntegrationTests.Campaigns;

[Collection(SystemCollection.Name)]
public sealed class DemoCampaignTests(SystemFixture system)
{
    [Fact]
    public async Task A_development_start_on_an_empty_database_shows_the_worked_example_at_once()
    {
        await using var campaigns = system.CreateCampaigns(new() { ["Campaigns:DemoCampaign:Enabled"] = "true", ["Campaigns:DemoCampaign:Organizer"] = "moatown-dev" },
            database: "campaigns_demo");
        using var client = await system.ClientAsync(campaigns, Scopes.Campaigns);

        var demo = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/campaigns")).EnumerateArray());
        var tally = await client.TallyAsync(demo.GetProperty("id").GetGuid());

        Assert.Equal("open", demo.GetProperty("status").GetString());
        Assert.Equal(7, tally.GetProperty("owners").GetProperty("consented").GetInt32());
        Assert.Equal(9, tally.GetProperty("owners").GetProperty("total").GetInt32());
        Assert.Equal(1850m, tally.GetProperty("landArea").GetProperty("consentedM2").GetDecimal());
        Assert.True(tally.GetProperty("thresholdMet").GetBoolean());

        // A restart seeds nothing twice.
        await using var restarted = system.CreateCampaigns(new() { ["Campaigns:DemoCampaign:Enabled"] = "true", ["Campaigns:DemoCampaign:Organizer"] = "moatown-dev" },
            database: "campaigns_demo");
        using var again = await system.ClientAsync(restarted, Scopes.Campaigns);
        Assert.Single((await again.GetFromJsonAsync<JsonElement>("/api/campaigns")).EnumerateArray());
    }
}
