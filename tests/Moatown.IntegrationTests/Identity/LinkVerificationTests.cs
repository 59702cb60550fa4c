using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moatown.Contracts.Identity;
using Moatown.Identity.Data;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Identity;

/// <summary>From a personal link to a signer token: the code goes to the roll's number, and only the right one, in time, opens.</summary>
[Collection(SystemCollection.Name)]
public sealed class LinkVerificationTests(SystemFixture system)
{
    [Fact]
    public async Task An_invited_owner_opens_the_link_gets_a_code_on_the_rolls_number_and_receives_a_signer_token()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        using var notifications = await system.ClientAsync(system.Notifications, Scopes.Notifications);
        using var identity = system.Identity.CreateClient();
        var campaignId = await campaigns.CreateOpenCampaignAsync("링크 인증");
        var minjun = (await campaigns.HoldersByMaskedNameAsync(campaignId))["김*준"];
        var token = await campaigns.InviteAndReadLinkTokenAsync(notifications, campaignId, minjun);
        Assert.Empty(await notifications.MessagesAsync(campaignId, minjun, "verification-code.v2"));

        using var started = await identity.StartFromLinkAsync(token);

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var challenge = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("010-****-0001", challenge.GetProperty("maskedPhone").GetString());
        Assert.Equal("링크 인증", challenge.GetProperty("campaignName").GetString());
        Assert.Equal(5, challenge.GetProperty("attemptsAllowed").GetInt32());
        var expiresIn = challenge.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow;
        Assert.InRange(expiresIn, TimeSpan.FromMinutes(2.5), TimeSpan.FromMinutes(3));
        var code = await notifications.ReadCodeAsync(campaignId, minjun);
        var sent = (await notifications.MessagesAsync(campaignId, minjun, "verification-code.v2")).Single();
        Assert.Equal("010-****-0001", sent.GetProperty("phone").GetString());
        // The last line binds the code to the gateway's host, for the phone's one-time-code autofill.
        Assert.EndsWith($"\n@identity.moatown.test #{code}", sent.GetProperty("text").GetString(), StringComparison.Ordinal);

        using var verified = await identity.SendCodeAsync(challenge.GetProperty("challengeId").GetGuid(), code);

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var body = await verified.Content.ReadFromJsonAsync<JsonElement>();
        var jwt = ResidentFlows.Claims(body.GetProperty("signerToken").GetString()!);
        Assert.Equal([Scopes.AudienceOf(Scopes.Signing)], jwt.Audiences);
        Assert.Equal(SystemFixture.Issuer, jwt.Issuer);
        Assert.Equal(campaignId.ToString(), jwt.GetClaim(SignerClaims.Campaign).Value);
        Assert.Equal(minjun.ToString(), jwt.GetClaim(SignerClaims.Holder).Value);
        Assert.Equal("sms", jwt.GetClaim(SignerClaims.Method).Value);
        Assert.InRange(jwt.ValidTo - jwt.ValidFrom, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30));

        // The signing service accepts it as a signer of this holder of this campaign ...
        using var signing = system.Signing.CreateClient();
        signing.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("signerToken").GetString());
        var session = await signing.GetFromJsonAsync<JsonElement>("/api/signing/session");
        Assert.Equal(campaignId, session.GetProperty("campaignId").GetGuid());
        Assert.Equal(minjun, session.GetProperty("holderId").GetGuid());
        // ... and no other service does.
        campaigns.DefaultRequestHeaders.Authorization = signing.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.Unauthorized, (await campaigns.GetAsync($"/api/campaigns/{campaignId}")).StatusCode);

        // The organizer sees how far the owner got.
        using var organizer = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        await Eventually.HoldsAsync(async () =>
        {
            var holders = await organizer.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/holders");
            var access = holders.EnumerateArray().Single(h => h.GetProperty("holderId").GetGuid() == minjun).GetProperty("access");
            return access.GetProperty("progress").GetString() == "verified" && access.GetProperty("openedAt").ValueKind == JsonValueKind.String
                && access.GetProperty("verificationMethod").GetString() == "sms";
        }, TimeSpan.FromSeconds(30), "the owner shows as verified by text message");
    }

    [Fact]
    public async Task The_code_is_stored_only_as_a_keyed_hash_and_travels_sealed()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        using var notifications = await system.ClientAsync(system.Notifications, Scopes.Notifications);
        using var identity = system.Identity.CreateClient();
        var campaignId = await campaigns.CreateOpenCampaignAsync("코드 보관");
        var seoyeon = (await campaigns.HoldersByMaskedNameAsync(campaignId))["이*연"];
        var challengeId = await (await identity.StartFromLinkAsync(await campaigns.InviteAndReadLinkTokenAsync(notifications, campaignId, seoyeon))).ChallengeIdAsync();
        var code = await notifications.ReadCodeAsync(campaignId, seoyeon);

        await using var scope = system.Identity.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var row = await db.VerificationChallenges.AsNoTracking().SingleAsync(c => c.Id == challengeId);
        var events = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == typeof(VerificationCodeRequested).FullName).Select(m => m.Payload).ToListAsync();
        var payload = events.Single(p => p.Contains(challengeId.ToString(), StringComparison.Ordinal));

        Assert.DoesNotContain(code, row.CodeHash, StringComparison.Ordinal);
        Assert.Equal(64, row.CodeHash.Length);
        Assert.DoesNotContain(code, payload, StringComparison.Ordinal);
        Assert.DoesNotContain("+8210", payload, StringComparison.Ordinal);
        Assert.Equal(seoyeon, row.HolderId);
    }

    [Fact]
    public async Task Wrong_codes_count_down_then_lock_the_challenge_and_the_right_code_no_longer_opens_it()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        using var notifications = await system.ClientAsync(system.Notifications, Scopes.Notifications);
        using var identity = system.Identity.CreateClient();
        var campaignId = await campaigns.CreateOpenCampaignAsync("잠금");
        var jihun = (await campaigns.HoldersByMaskedNameAsync(campaignId))["박*훈"];
        var token = await campaigns.InviteAndReadLinkTokenAsync(notifications, campaignId, jihun);
        var challengeId = await (await identity.StartFromLinkAsync(token)).ChallengeIdAsync();
        var code = await notifications.ReadCodeAsync(campaignId, jihun);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var left = 4; left >= 1; left--)
        {
            var problem = await (await identity.SendCodeAsync(challengeId, wrong)).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal("wrong-code", problem.GetProperty("reason").GetString());
            Assert.Contains($"{left}번 더", problem.GetProperty("residentMessage").GetString());
        }
        using var fifth = await identity.SendCodeAsync(challengeId, wrong);
        var locked = await fifth.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("locked", locked.GetProperty("reason").GetString());
        Assert.NotNull(fifth.Headers.RetryAfter);

        var afterLock = await (await identity.SendCodeAsync(challengeId, code)).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("locked", afterLock.GetProperty("reason").GetString());
        // No new code during the cool-down, even from the same valid link.
        var again = await (await identity.StartFromLinkAsync(token)).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("locked", again.GetProperty("reason").GetString());
        Assert.Single(await notifications.MessagesAsync(campaignId, jihun, "verification-code.v2"));
    }

    [Fact]
    public async Task A_used_code_an_expired_code_and_an_older_code_are_refused_with_their_reasons()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        using var notifications = await system.ClientAsync(system.Notifications, Scopes.Notifications);
        using var identity = system.Identity.CreateClient();
        var campaignId = await campaigns.CreateOpenCampaignAsync("재사용");
        var yujin = (await campaigns.HoldersByMaskedNameAsync(campaignId))["최*진"];
        var token = await campaigns.InviteAndReadLinkTokenAsync(notifications, campaignId, yujin);

        var first = await (await identity.StartFromLinkAsync(token)).ChallengeIdAsync();
        var firstCode = await notifications.ReadCodeAsync(campaignId, yujin);
        var second = await (await identity.StartFromLinkAsync(token)).ChallengeIdAsync();
        await notifications.ReadTextAsync(campaignId, yujin, "verification-code.v2", count: 2);
        var secondCode = await notifications.ReadCodeAsync(campaignId, yujin);

        // A newer code replaces the older one.
        var older = await (await identity.SendCodeAsync(first, firstCode)).AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal("code-expired", older.GetProperty("reason").GetString());
        (await identity.SendCodeAsync(second, secondCode)).EnsureSuccessStatusCode();
        var used = await (await identity.SendCodeAsync(second, secondCode)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("code-used", used.GetProperty("reason").GetString());

        var third = await (await identity.StartFromLinkAsync(token)).ChallengeIdAsync();
        await notifications.ReadTextAsync(campaignId, yujin, "verification-code.v2", count: 3);
        var thirdCode = await notifications.ReadCodeAsync(campaignId, yujin);
        await using (var scope = system.Identity.Services.CreateAsyncScope())
        {
            // Three minutes pass.
            await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().VerificationChallenges
                .Where(c => c.Id == third).ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }
        var expired = await (await identity.SendCodeAsync(third, thirdCode)).AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal("code-expired", expired.GetProperty("reason").GetString());
        Assert.Contains("3분", expired.GetProperty("residentMessage").GetString());

        var unknown = await (await identity.SendCodeAsync(Guid.NewGuid(), thirdCode)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("challenge-unknown", unknown.GetProperty("reason").GetString());
        var malformed = await (await identity.SendCodeAsync(third, "12ab")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(malformed.GetProperty("errors").TryGetProperty("code", out _));
    }
}
