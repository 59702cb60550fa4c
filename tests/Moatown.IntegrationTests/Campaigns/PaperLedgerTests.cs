using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Campaigns;

/// <summary>Paper consents and withdrawals entered by staff, and what the ledger refuses.</summary>
[Collection(SystemCollection.Name)]
public sealed class PaperLedgerTests(SystemFixture system)
{
    [Fact]
    public async Task A_paper_consent_counts_and_the_same_form_entered_twice_counts_once()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("paper once");
        var minjun = (await client.HoldersByMaskedNameAsync(campaignId))["김*준"];

        using var first = await client.PaperAsync(campaignId, "consents", new { holderId = minjun, reference = "scan-0001" });
        using var again = await client.PaperAsync(campaignId, "consents", new { holderId = minjun, reference = "scan-0001" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var entry = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, entry.GetProperty("sequence").GetInt64());
        Assert.Equal("paper", entry.GetProperty("source").GetString());
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sequence").GetInt64());
        var tally = await client.TallyAsync(campaignId);
        Assert.Equal(1, tally.GetProperty("owners").GetProperty("consented").GetInt32());
        Assert.Equal(500m, tally.GetProperty("landArea").GetProperty("consentedM2").GetDecimal());
        Assert.Equal(1, await LedgerLengthAsync(campaignId));
    }

    [Fact]
    public async Task Withdrawal_stops_a_consent_from_counting_and_a_new_consent_counts_again()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("withdraw and again");
        var sua = (await client.HoldersByMaskedNameAsync(campaignId))["임*아"];

        (await client.PaperAsync(campaignId, "consents", new { holderId = sua, reference = "c-1" })).EnsureSuccessStatusCode();
        (await client.PaperAsync(campaignId, "withdrawals", new { holderId = sua, reference = "w-1" })).EnsureSuccessStatusCode();
        var withdrawn = await client.TallyAsync(campaignId);
        (await client.PaperAsync(campaignId, "consents", new { holderId = sua, reference = "c-2" })).EnsureSuccessStatusCode();
        var again = await client.TallyAsync(campaignId);

        Assert.Equal(0, withdrawn.GetProperty("owners").GetProperty("consented").GetInt32());
        Assert.Equal(1, withdrawn.GetProperty("withdrawals").GetInt32());
        Assert.Equal(1, again.GetProperty("owners").GetProperty("consented").GetInt32());
        Assert.Equal(0, again.GetProperty("withdrawals").GetInt32());
        // History is kept, never overwritten.
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/ledger?holderId={sua}");
        Assert.Equal(["consent", "withdrawal", "consent"], history.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task A_form_dated_before_the_holders_latest_action_is_history_only()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("latest wins");
        var sua = (await client.HoldersByMaskedNameAsync(campaignId))["임*아"];
        var now = DateTimeOffset.UtcNow;

        (await client.PaperAsync(campaignId, "consents", new { holderId = sua, reference = "c-1", signedAt = now.AddHours(-1) })).EnsureSuccessStatusCode();
        // A withdrawal form signed earlier than the consent, entered later: the consent is the latest action.
        (await client.PaperAsync(campaignId, "withdrawals", new { holderId = sua, reference = "w-old", signedAt = now.AddDays(-2) })).EnsureSuccessStatusCode();

        Assert.Equal(1, (await client.TallyAsync(campaignId)).GetProperty("owners").GetProperty("consented").GetInt32());
        Assert.Equal(2, await LedgerLengthAsync(campaignId));
    }

    [Fact]
    public async Task A_holder_not_on_the_roll_is_refused_and_nothing_is_recorded()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("not on roll");

        using var stranger = await client.PaperAsync(campaignId, "consents", new { holderId = Guid.NewGuid(), reference = "x-1" });
        using var noAuthority = await client.PaperAsync(campaignId, "consents", new { managingAuthority = "서울특별시", reference = "x-2" });

        await stranger.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await noAuthority.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, await LedgerLengthAsync(campaignId));
    }

    [Theory]
    [InlineData("{\"reference\":\"r\"}", "holderId")]
    [InlineData("{\"holderId\":\"00000000-0000-0000-0000-000000000001\",\"managingAuthority\":\"중랑구\",\"reference\":\"r\"}", "holderId")]
    [InlineData("{\"managingAuthority\":\"중랑구\"}", "reference")]
    [InlineData("{\"managingAuthority\":\"중랑구\",\"reference\":\"r\",\"signedAt\":\"2999-01-01T00:00:00Z\"}", "signedAt")]
    public async Task A_malformed_paper_action_names_the_field_and_records_nothing(string body, string field)
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("malformed paper");

        using var response = await client.PostAsync($"/api/campaigns/{campaignId}/paper-consents",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Equal(0, await LedgerLengthAsync(campaignId));
    }

    [Fact]
    public async Task Withdrawing_without_a_consent_that_counts_is_refused()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("nothing to withdraw");
        var sua = (await client.HoldersByMaskedNameAsync(campaignId))["임*아"];

        using var response = await client.PaperAsync(campaignId, "withdrawals", new { holderId = sua, reference = "w-1" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await LedgerLengthAsync(campaignId));
    }

    [Fact]
    public async Task A_draft_or_closed_campaign_takes_no_paper_actions()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var draft = await client.CreateCampaignAsync("still a draft");
        (await client.PutRollAsync(draft, CampaignRequests.SampleRoll)).EnsureSuccessStatusCode();
        var closed = await client.CreateOpenCampaignAsync("closed already");
        (await client.PostAsync($"/api/campaigns/{closed}/close", null)).EnsureSuccessStatusCode();
        var minjunInDraft = (await client.HoldersByMaskedNameAsync(draft))["김*준"];
        var minjunInClosed = (await client.HoldersByMaskedNameAsync(closed))["김*준"];

        using var onDraft = await client.PaperAsync(draft, "consents", new { holderId = minjunInDraft, reference = "d-1" });
        using var onClosed = await client.PaperAsync(closed, "consents", new { holderId = minjunInClosed, reference = "c-1" });

        await onDraft.AssertProblemAsync(HttpStatusCode.Conflict);
        await onClosed.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await LedgerLengthAsync(draft) + await LedgerLengthAsync(closed));
    }

    [Fact]
    public async Task Another_organizers_campaign_is_not_found()
    {
        var secret = await system.RegisterClientAsync("organizer-paper", [Roles.Organizer], [Scopes.Campaigns]);
        using var stranger = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, "organizer-paper", secret);
        using var owner = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await owner.CreateOpenCampaignAsync("someone else's");
        var minjun = (await owner.HoldersByMaskedNameAsync(campaignId))["김*준"];

        using var response = await stranger.PaperAsync(campaignId, "consents", new { holderId = minjun, reference = "s-1" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/campaigns/{campaignId}/tally")).StatusCode);
        Assert.Equal(0, await LedgerLengthAsync(campaignId));
    }

    [Fact]
    public async Task Holders_come_a_page_at_a_time_with_their_units_and_latest_action()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("holder pages");
        var all = await client.GetAsync($"/api/campaigns/{campaignId}/holders");
        var everyone = (await all.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToArray();
        var seoyeon = everyone.Single(h => h.GetProperty("name").GetString() == "이*연").GetProperty("holderId").GetGuid();
        (await client.PaperAsync(campaignId, "consents", new { holderId = seoyeon, reference = "p-1" })).EnsureSuccessStatusCode();

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/holders?offset=1&limit=2");
        var withConsent = (await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/holders"))
            .EnumerateArray().Single(h => h.GetProperty("holderId").GetGuid() == seoyeon);

        Assert.Equal("14", Assert.Single(all.Headers.GetValues("X-Total-Count")));
        Assert.Equal(everyone.Skip(1).Take(2).Select(h => h.GetProperty("holderId").GetGuid()), page.EnumerateArray().Select(h => h.GetProperty("holderId").GetGuid()));
        Assert.Equal(["L-3", "B-2", "L-5"], withConsent.GetProperty("units").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("consent", withConsent.GetProperty("consent").GetProperty("action").GetString());
        Assert.Equal("paper", withConsent.GetProperty("consent").GetProperty("source").GetString());
    }

    private Task<int> LedgerLengthAsync(Guid campaignId) =>
        system.QueryCampaignsAsync(db => db.Ledger.CountAsync(e => e.CampaignId == campaignId));
}
