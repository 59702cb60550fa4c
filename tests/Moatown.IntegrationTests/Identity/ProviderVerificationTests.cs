using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moatown.Identity.Data;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Identity;

/// <summary>
/// An owner without a phone number on the roll verifies with a certificate provider (the simulated one,
/// over real HTTP): its verified name and birth date are matched against the roll, and only the browser
/// that started collects the signer token, once.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ProviderVerificationTests(SystemFixture system) : IAsyncLifetime
{
    private static readonly Uri EntryBase = new("https://moatown.test/e");
    private SimulatedProviderHost _provider = null!;
    private ServiceFactory<IdentityDbContext> _identity = null!;

    public Task InitializeAsync()
    {
        _provider = SimulatedProviderHost.Start();
        var settings = IdentitySide.SimulatedSettings(_provider.Url);
        settings["Identity:Residents:ProviderCallbackUrl"] = SimulatedProviderHost.RedirectUri.AbsoluteUri;
        settings["Identity:Residents:ResidentEntryBase"] = EntryBase.AbsoluteUri;
        _identity = system.CreateIdentity("identity_providers", settings);
        _ = _identity.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _identity.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task An_owner_without_a_phone_verifies_with_a_certificate_and_collects_a_signer_token_once()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await campaigns.CreateOpenCampaignAsync("인증서 확인");
        var doyun = (await campaigns.HoldersByMaskedNameAsync(campaignId))["강*윤"];
        using var identity = _identity.CreateClient(new() { AllowAutoRedirect = false });

        var choices = await identity.GetFromJsonAsync<JsonElement>($"{ResidentFlows.Verifications}/providers");
        Assert.Equal("simulated", choices.EnumerateArray().Single().GetProperty("name").GetString());
        var (sessionId, secret, authorization) = await StartAsync(identity, campaignId);

        using var resident = new Resident();
        var (code, state) = await resident.VerifyAsync(authorization, "강도윤", "1985-12-12");
        using var back = await identity.GetAsync($"{ResidentFlows.Verifications}/provider/callback?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state)}");

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(new Uri($"{EntryBase}/{campaignId}?verification={sessionId}"), back.Headers.Location);
        Assert.DoesNotContain(code, back.Headers.Location!.ToString(), StringComparison.Ordinal);

        // Someone who saw the redirect address has no secret.
        var stranger = await (await RedeemAsync(identity, sessionId, "not-the-secret")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("verification-unknown", stranger.GetProperty("reason").GetString());
        using var verified = await RedeemAsync(identity, sessionId, secret);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var jwt = ResidentFlows.Claims((await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("signerToken").GetString()!);
        Assert.Equal(doyun.ToString(), jwt.GetClaim(SignerClaims.Holder).Value);
        Assert.Equal(campaignId.ToString(), jwt.GetClaim(SignerClaims.Campaign).Value);
        Assert.Equal("provider:simulated", jwt.GetClaim(SignerClaims.Method).Value);
        Assert.Equal([Scopes.AudienceOf(Scopes.Signing)], jwt.Audiences);

        var again = await (await RedeemAsync(identity, sessionId, secret)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("code-used", again.GetProperty("reason").GetString());
        // The provider's redirect cannot be replayed either.
        var replay = await (await identity.GetAsync($"{ResidentFlows.Verifications}/provider/callback?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state)}"))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("verification-unknown", replay.GetProperty("reason").GetString());

        // The organizer sees the owner verified, by certificate.
        await Eventually.HoldsAsync(async () =>
        {
            var holders = await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/holders");
            var access = holders.EnumerateArray().Single(h => h.GetProperty("holderId").GetGuid() == doyun).GetProperty("access");
            return access.GetProperty("progress").GetString() == "verified" && access.GetProperty("verificationMethod").GetString() == "provider:simulated";
        }, TimeSpan.FromSeconds(30), "the owner shows as verified by certificate");
    }

    [Fact]
    public async Task A_person_not_on_the_roll_a_cancelled_verification_and_an_unfinished_one_get_no_token()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await campaigns.CreateOpenCampaignAsync("인증서 거절");
        using var identity = _identity.CreateClient(new() { AllowAutoRedirect = false });
        using var resident = new Resident();

        var (notOnRoll, notOnRollSecret, authorization) = await StartAsync(identity, campaignId);
        var (code, state) = await resident.VerifyAsync(authorization, "홍길동", "1970-01-01");
        Assert.Equal(HttpStatusCode.Redirect, (await identity.GetAsync($"{ResidentFlows.Verifications}/provider/callback?code={code}&state={state}")).StatusCode);
        var refused = await (await RedeemAsync(identity, notOnRoll, notOnRollSecret)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("not-on-roll", refused.GetProperty("reason").GetString());
        Assert.Contains("명부에서 확인되지 않습니다", refused.GetProperty("residentMessage").GetString());

        var (cancelled, cancelledSecret, cancelAuthorization) = await StartAsync(identity, campaignId);
        var back = Resident.BackTo(await resident.ConfirmAsync(cancelAuthorization, "", "", action: "cancel"), SimulatedProviderHost.RedirectUri);
        Assert.Equal("access_denied", back["error"]);
        Assert.Equal(HttpStatusCode.Redirect, (await identity.GetAsync($"{ResidentFlows.Verifications}/provider/callback?error=access_denied&state={back["state"]}")).StatusCode);
        Assert.Equal("cancelled", (await (await RedeemAsync(identity, cancelled, cancelledSecret)).AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("reason").GetString());

        var (pending, pendingSecret, _) = await StartAsync(identity, campaignId);
        Assert.Equal("pending", (await (await RedeemAsync(identity, pending, pendingSecret)).AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("reason").GetString());

        var unknownState = await (await identity.GetAsync($"{ResidentFlows.Verifications}/provider/callback?code=x&state=forged")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("verification-unknown", unknownState.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Without_a_configured_provider_the_resident_is_told_to_use_a_text_message_or_paper()
    {
        using var identity = system.Identity.CreateClient();
        Assert.Empty((await identity.GetFromJsonAsync<JsonElement>($"{ResidentFlows.Verifications}/providers")).EnumerateArray());
        var problem = await (await identity.PostAsJsonAsync($"{ResidentFlows.Verifications}/provider", new { campaignId = Guid.NewGuid() }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("provider-unavailable", problem.GetProperty("reason").GetString());
    }

    private static async Task<(Guid SessionId, string Secret, Uri Authorization)> StartAsync(HttpClient identity, Guid campaignId)
    {
        using var started = await identity.PostAsJsonAsync($"{ResidentFlows.Verifications}/provider", new { campaignId });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("sessionId").GetGuid(), body.GetProperty("sessionSecret").GetString()!, new Uri(body.GetProperty("authorizationUrl").GetString()!));
    }

    private static Task<HttpResponseMessage> RedeemAsync(HttpClient identity, Guid sessionId, string secret) =>
        identity.PostAsJsonAsync($"{ResidentFlows.Verifications}/provider/{sessionId}/token", new { sessionSecret = secret });
}
