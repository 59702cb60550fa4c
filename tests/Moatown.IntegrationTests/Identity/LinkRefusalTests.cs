using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.Identity.Residents;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Identity;

/// <summary>Links that no longer work, and tokens used where they do not belong: a plain Korean answer, a problem detail, a record.</summary>
[Collection(SystemCollection.Name)]
public sealed class LinkRefusalTests(SystemFixture system)
{
    [Fact]
    public async Task Unknown_replaced_expired_and_closed_campaign_links_are_refused_with_a_reason_and_recorded()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        using var notifications = await system.ClientAsync(system.Notifications, Scopes.Notifications);
        using var identity = system.Identity.CreateClient();
        var campaignId = await campaigns.CreateOpenCampaignAsync("만료 링크");
        var holders = await campaigns.HoldersByMaskedNameAsync(campaignId);
        var replacedToken = await campaigns.InviteAndReadLinkTokenAsync(notifications, campaignId, holders["정*은"]);
        (await campaigns.PostAsJsonAsync($"/api/campaigns/{campaignId}/invitations", new { holderIds = new[] { holders["정*은"] } })).EnsureSuccessStatusCode();
        var expiringToken = await campaigns.InviteAndReadLinkTokenAsync(notifications, campaignId, holders["임*아"]);
        await system.QueryCampaignsAsync(db => db.Invitations.Where(i => i.HolderId == holders["임*아"])
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        await AssertRefusedAsync(identity, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", HttpStatusCode.NotFound, "unknown", "새 링크");
        await AssertRefusedAsync(identity, replacedToken, HttpStatusCode.Gone, "replaced", "가장 최근에 받은 문자");
        await AssertRefusedAsync(identity, expiringToken, HttpStatusCode.Gone, "expired", "사용 기간이 지났습니다");

        var liveToken = await campaigns.InviteAndReadLinkTokenAsync(notifications, campaignId, holders["장*호"]);
        (await campaigns.PostAsync($"/api/campaigns/{campaignId}/close", null)).EnsureSuccessStatusCode();
        await AssertRefusedAsync(identity, liveToken, HttpStatusCode.Gone, "campaign-not-open", "서명할 수 없습니다");

        var empty = await (await identity.StartFromLinkAsync("")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("token", out _));
        Assert.Empty(await notifications.MessagesAsync(campaignId, holders["장*호"], "verification-code.v2"));
    }

    [Fact]
    public async Task A_person_on_two_rolls_verifies_for_each_campaign_and_a_signer_token_names_only_its_own()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        using var notifications = await system.ClientAsync(system.Notifications, Scopes.Notifications);
        using var identity = system.Identity.CreateClient();
        var first = await campaigns.CreateOpenCampaignAsync("두 명부 가");
        var second = await campaigns.CreateOpenCampaignAsync("두 명부 나");
        var inFirst = (await campaigns.HoldersByMaskedNameAsync(first))["한*준"];
        var inSecond = (await campaigns.HoldersByMaskedNameAsync(second))["한*준"];

        var challenge = await (await identity.StartFromLinkAsync(await campaigns.InviteAndReadLinkTokenAsync(notifications, first, inFirst))).ChallengeIdAsync();
        using var verified = await identity.SendCodeAsync(challenge, await notifications.ReadCodeAsync(first, inFirst));
        var signerToken = (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("signerToken").GetString()!;

        var claims = ResidentFlows.Claims(signerToken);
        Assert.NotEqual(inFirst, inSecond);
        Assert.Equal(first.ToString(), claims.GetClaim(SignerClaims.Campaign).Value);
        Assert.Equal(inFirst.ToString(), claims.GetClaim(SignerClaims.Holder).Value);
        Assert.DoesNotContain(second.ToString(), signerToken.Split('.')[1], StringComparison.Ordinal);

        // Staff and machine tokens of the signing scope are not signer tokens.
        using var staff = await system.ClientAsync(system.Signing, Scopes.Signing);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/signing/session")).StatusCode);
        using var anonymous = system.Signing.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/signing/session")).StatusCode);
        using var resident = system.Signing.CreateClient();
        resident.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signerToken[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await resident.GetAsync("/api/signing/session")).StatusCode);
    }

    private async Task AssertRefusedAsync(HttpClient identity, string token, HttpStatusCode status, string reason, string residentWords)
    {
        var recorded = await RecordsAsync(reason);
        var problem = await (await identity.StartFromLinkAsync(token)).AssertProblemAsync(status);
        Assert.Equal(reason, problem.GetProperty("reason").GetString());
        Assert.Contains(residentWords, problem.GetProperty("residentMessage").GetString());
        Assert.Equal(recorded + 1, await RecordsAsync(reason));
    }

    private Task<int> RecordsAsync(string outcome) => system.QueryIdentityAsync(db => db.ResidentAccessRecords
        .CountAsync(r => r.Action == ResidentAccessActions.LinkOpened && r.Outcome == outcome));
}
