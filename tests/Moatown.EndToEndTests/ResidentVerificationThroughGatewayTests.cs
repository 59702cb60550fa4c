using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Moatown.EndToEndTests;

/// <summary>
/// A resident's way in, through the gateway only, with the whole system running: the text
/// messages are read in the local SMS sink as a resident would read them on their phone.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class ResidentVerificationThroughGatewayTests(SystemUnderTest system)
{
    private const string Verifications = "/api/identity/resident-verifications";

    [Fact]
    public async Task Invited_by_text_an_owner_opens_the_link_types_the_code_and_holds_a_signer_token()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        using var notifications = await system.AuthorizedGatewayAsync("notifications");
        var (campaignId, holders) = await GatewayResidents.OpenSampleCampaignAsync(campaigns, "면목동 모아타운 (링크)");
        var minjun = holders["김*준"];

        (await campaigns.PostAsJsonAsync($"/api/campaigns/{campaignId}/invitations", new { holderIds = new[] { minjun } })).EnsureSuccessStatusCode();
        var invitation = await GatewayResidents.ReadTextAsync(notifications, campaignId, minjun, "invitation.v1");
        var token = GatewayResidents.LinkPattern().Match(invitation).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "the text carries a personal link");

        // The resident's browser has no token: it calls the gateway anonymously.
        using var started = await system.Gateway.PostAsJsonAsync($"{Verifications}/link", new { token });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var challenge = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("010-****-0001", challenge.GetProperty("maskedPhone").GetString());
        var code = GatewayResidents.CodePattern().Match(await GatewayResidents.ReadTextAsync(notifications, campaignId, minjun, "verification-code.v2")).Groups[1].Value;

        var signerToken = await SendCodeAsync(challenge.GetProperty("challengeId").GetGuid(), code);

        await AssertSignerAsync(signerToken, campaignId, minjun);
    }

    [Fact]
    public async Task Arriving_by_the_campaigns_QR_code_an_owner_identifies_themself_and_holds_a_signer_token()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        using var notifications = await system.AuthorizedGatewayAsync("notifications");
        var (campaignId, holders) = await GatewayResidents.OpenSampleCampaignAsync(campaigns, "면목동 모아타운 (QR)");
        var seoyeon = holders["이*연"];

        using var started = await system.Gateway.PostAsJsonAsync($"{Verifications}/entry",
            new { campaignId, name = "이서연", birthDate = "1975-05-05", phone = "010-0000-0002" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var challengeId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetGuid();
        var code = GatewayResidents.CodePattern().Match(await GatewayResidents.ReadTextAsync(notifications, campaignId, seoyeon, "verification-code.v2")).Groups[1].Value;

        var signerToken = await SendCodeAsync(challengeId, code);

        await AssertSignerAsync(signerToken, campaignId, seoyeon);
    }

    [Fact]
    public async Task An_owner_without_a_phone_verifies_with_the_simulated_certificate_provider_and_holds_a_signer_token()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        var (campaignId, holders) = await GatewayResidents.OpenSampleCampaignAsync(campaigns, "면목동 모아타운 (인증서)");

        using var started = await system.Gateway.PostAsJsonAsync($"{Verifications}/provider", new { campaignId });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var session = await started.Content.ReadFromJsonAsync<JsonElement>();
        var authorization = new Uri(session.GetProperty("authorizationUrl").GetString()!);

        // The resident's browser on the provider's page, then back through the gateway.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync(authorization);
        var fields = HiddenField().Matches(page).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["name"] = "강도윤";
        fields["birthdate"] = "1985-12-12";
        fields["carrier"] = "skt";
        fields["phone"] = "010-3141-5926";
        fields["action"] = "confirm";
        using var confirmed = await browser.PostAsync(new Uri(authorization, FormAction().Match(page).Groups[1].Value), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var callback = confirmed.Headers.Location!;
        Assert.Equal(system.Gateway.BaseAddress!.Authority, callback.Authority);
        using var back = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Contains($"/e/{campaignId}?verification=", back.Headers.Location!.ToString());

        using var redeemed = await system.Gateway.PostAsJsonAsync($"{Verifications}/provider/{session.GetProperty("sessionId").GetGuid()}/token",
            new { sessionSecret = session.GetProperty("sessionSecret").GetString() });
        Assert.True(redeemed.StatusCode == HttpStatusCode.OK, await redeemed.Content.ReadAsStringAsync());
        var signerToken = (await redeemed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("signerToken").GetString()!;

        await AssertSignerAsync(signerToken, campaignId, holders["강*윤"], "provider:simulated");
    }

    private async Task<string> SendCodeAsync(Guid challengeId, string code)
    {
        using var verified = await system.Gateway.PostAsJsonAsync($"{Verifications}/{challengeId}/code", new { code });
        Assert.True(verified.StatusCode == HttpStatusCode.OK, await verified.Content.ReadAsStringAsync());
        return (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("signerToken").GetString()!;
    }

    /// <summary>The signing service, through the gateway, accepts the token as this holder of this campaign.</summary>
    private async Task AssertSignerAsync(string signerToken, Guid campaignId, Guid holderId, string method = "sms")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/signing/session");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", signerToken);
        using var response = await system.Gateway.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(campaignId, session.GetProperty("campaignId").GetGuid());
        Assert.Equal(holderId, session.GetProperty("holderId").GetGuid());
        Assert.Equal(method, session.GetProperty("verificationMethod").GetString());
    }

    [GeneratedRegex("""<input type="hidden" name="([a-z_]+)" value="([^"]*)">""")]
    private static partial Regex HiddenField();

    [GeneratedRegex("""<form method="post" action="([^"]+)">""")]
    private static partial Regex FormAction();

}
