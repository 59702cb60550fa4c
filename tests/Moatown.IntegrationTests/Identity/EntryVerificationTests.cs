using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Identity;

/// <summary>
/// The QR entry page: a resident types name, birth date and phone. A match sends a code to the
/// roll's number; no match looks exactly the same from outside and sends nothing.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class EntryVerificationTests(SystemFixture system)
{
    private static readonly TimeSpan AnswerTime = TimeSpan.FromMilliseconds(800);

    [Fact]
    public async Task Matching_details_however_written_send_a_code_to_the_rolls_number_that_yields_a_signer_token()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        using var notifications = await system.ClientAsync(system.Notifications, Scopes.Notifications);
        using var identity = system.Identity.CreateClient();
        var campaignId = await campaigns.CreateOpenCampaignAsync("QR 입장");
        var seoyeon = (await campaigns.HoldersByMaskedNameAsync(campaignId))["이*연"];

        // Spaces in the name and the number written without dashes still match the roll.
        using var started = await identity.StartFromEntryAsync(campaignId, " 이 서연 ", "1975-05-05", "01000000002");

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var challengeId = await started.ChallengeIdAsync();
        var code = await notifications.ReadCodeAsync(campaignId, seoyeon);
        Assert.Equal("010-****-0002", (await notifications.MessagesAsync(campaignId, seoyeon, "verification-code.v2")).Single().GetProperty("phone").GetString());
        using var verified = await identity.SendCodeAsync(challengeId, code);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var jwt = ResidentFlows.Claims((await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("signerToken").GetString()!);
        Assert.Equal(seoyeon.ToString(), jwt.GetClaim(SignerClaims.Holder).Value);
        Assert.Equal(campaignId.ToString(), jwt.GetClaim(SignerClaims.Campaign).Value);
    }

    [Fact]
    public async Task Unknown_details_get_the_same_answer_in_the_same_time_and_no_text_is_sent_to_anyone()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        using var notifications = await system.ClientAsync(system.Notifications, Scopes.Notifications);
        using var identity = system.Identity.CreateClient();
        var campaignId = await campaigns.CreateOpenCampaignAsync("열거 방지");
        var holders = await campaigns.HoldersByMaskedNameAsync(campaignId);

        var known = new List<(JsonElement Body, TimeSpan Took)>();
        var unknown = new List<(JsonElement Body, TimeSpan Took)>();
        known.Add(await TimedAsync(identity, campaignId, "최유진", "1990-09-09", "010-0000-0004"));
        known.Add(await TimedAsync(identity, campaignId, "정하은", "1988-08-08", "010-0000-0005"));
        known.Add(await TimedAsync(identity, campaignId, "장지호", "1979-07-07", "010-0000-0007"));
        // Nobody of that name; a real owner with another number; a real owner with another birth date.
        unknown.Add(await TimedAsync(identity, campaignId, "홍길동", "1970-01-01", "010-9999-0001"));
        unknown.Add(await TimedAsync(identity, campaignId, "임수아", "1966-06-06", "010-9999-0006"));
        unknown.Add(await TimedAsync(identity, campaignId, "한예준", "1984-02-02", "010-0000-0008"));

        // The same answer: the same fields and words, nothing that names the campaign or a number.
        var shapes = known.Concat(unknown).Select(r => string.Join(",", r.Body.EnumerateObject().Select(p => p.Name).Order())).Distinct().ToList();
        Assert.Single(shapes);
        Assert.Single(known.Concat(unknown).Select(r => r.Body.GetProperty("residentMessage").GetString()).Distinct());
        Assert.All(known.Concat(unknown), r =>
        {
            Assert.Equal(JsonValueKind.Null, r.Body.GetProperty("maskedPhone").ValueKind);
            Assert.Equal(JsonValueKind.Null, r.Body.GetProperty("campaignName").ValueKind);
        });
        // The same timing: nobody answers before the floor, and the middle answers of each kind are close.
        Assert.All(known.Concat(unknown), r => Assert.True(r.Took >= AnswerTime - TimeSpan.FromMilliseconds(20), $"answered after {r.Took.TotalMilliseconds} ms"));
        var gap = Median(known) - Median(unknown);
        Assert.True(gap.Duration() < TimeSpan.FromMilliseconds(250), $"medians differ by {gap.TotalMilliseconds} ms");

        // Codes went to the three owners who matched, and to nobody else.
        await notifications.ReadCodeAsync(campaignId, holders["장*호"]);
        Assert.Empty(await notifications.MessagesAsync(campaignId, holders["임*아"], "verification-code.v2"));
        Assert.Empty(await notifications.MessagesAsync(campaignId, holders["한*준"], "verification-code.v2"));
        var payloads = await system.QueryIdentityAsync(db => db.OutboxMessages.AsNoTracking().Select(m => m.Payload).ToListAsync());
        Assert.Equal(3, payloads.Count(p => p.Contains(campaignId.ToString(), StringComparison.Ordinal)));

        // A decoy answers a code exactly like a real challenge does.
        var decoy = unknown[0].Body.GetProperty("challengeId").GetGuid();
        var wrong = await (await identity.SendCodeAsync(decoy, "123456")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("wrong-code", wrong.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Bad_details_a_closed_campaign_and_an_unknown_campaign_are_refused_and_nothing_is_recorded_for_bad_input()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        using var identity = system.Identity.CreateClient();
        var campaignId = await campaigns.CreateOpenCampaignAsync("입력 오류");
        var before = await system.QueryIdentityAsync(db => db.ResidentAccessRecords.CountAsync());

        var bad = await (await identity.StartFromEntryAsync(campaignId, "", "05/05/1975", "02-123-4567")).AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("birthDate", out _));
        Assert.True(errors.TryGetProperty("phone", out _));
        Assert.Equal(before, await system.QueryIdentityAsync(db => db.ResidentAccessRecords.CountAsync()));

        var unknown = await (await identity.StartFromEntryAsync(Guid.NewGuid(), "이서연", "1975-05-05", "010-0000-0002")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("campaign-unknown", unknown.GetProperty("reason").GetString());

        (await campaigns.PostAsync($"/api/campaigns/{campaignId}/close", null)).EnsureSuccessStatusCode();
        var closed = await (await identity.StartFromEntryAsync(campaignId, "이서연", "1975-05-05", "010-0000-0002")).AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal("campaign-not-open", closed.GetProperty("reason").GetString());
        Assert.Contains("서명할 수 없습니다", closed.GetProperty("residentMessage").GetString());
    }

    private static async Task<(JsonElement Body, TimeSpan Took)> TimedAsync(HttpClient identity, Guid campaignId, string name, string birthDate, string phone)
    {
        var clock = Stopwatch.StartNew();
        using var response = await identity.StartFromEntryAsync(campaignId, name, birthDate, phone);
        var took = clock.Elapsed;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), took);
    }

    private static TimeSpan Median(List<(JsonElement Body, TimeSpan Took)> results) => results.Select(r => r.Took).Order().ElementAt(results.Count / 2);
}
