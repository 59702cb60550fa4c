using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;
using static Moatown.IntegrationTests.Staff.StaffAccountRequests;

namespace Moatown.IntegrationTests.Staff;

/// <summary>
/// A staff member signs in through identity's pages (authorization code + PKCE, TOTP mandatory)
/// and the tokens work at the services with exactly the account's roles and district.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class StaffSignInTests(SystemFixture system)
{
    [Fact]
    public async Task First_sign_in_activates_enrols_the_app_and_gives_tokens_the_services_accept_with_the_accounts_roles()
    {
        using var admin = await system.ClientAsync(system.Identity, Scopes.Identity);
        var officerName = NewUserName("officer");
        var (officerId, officerCode) = await admin.CreateStaffAsync(officerName, [Roles.DistrictOfficer], "중랑구");
        var organizerName = NewUserName("organizer");
        var (organizerId, organizerCode) = await admin.CreateStaffAsync(organizerName, [Roles.Organizer]);

        using var officerBrowser = new StaffBrowser(system.Identity);
        var officer = await officerBrowser.FirstSignInAsync(officerName, officerCode, Password);
        var claims = StaffBrowser.Payload(officer.AccessToken);
        Assert.Equal(officerId.ToString(), claims.GetProperty("sub").GetString());
        Assert.Equal(Roles.DistrictOfficer, claims.GetProperty("role").GetString());
        Assert.Equal("중랑구", claims.GetProperty("district").GetString());
        Assert.False(claims.TryGetProperty("name", out _));
        Assert.NotNull(officer.RefreshToken);

        using var organizerBrowser = new StaffBrowser(system.Identity);
        var organizer = await organizerBrowser.FirstSignInAsync(organizerName, organizerCode, Password);
        Assert.False(StaffBrowser.Payload(organizer.AccessToken).TryGetProperty("district", out _));

        // The organizer creates a campaign in 중랑구; the officer of 중랑구 reads it but cannot create one.
        using var organizerCampaigns = StaffBrowser.WithToken(system.Campaigns.CreateClient(), organizer.AccessToken);
        var campaignId = await organizerCampaigns.CreateCampaignAsync("직원 로그인 캠페인");
        using var officerCampaigns = StaffBrowser.WithToken(system.Campaigns.CreateClient(), officer.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await officerCampaigns.GetAsync($"/api/campaigns/{campaignId}")).StatusCode);
        using var refused = await officerCampaigns.PostAsJsonAsync("/api/campaigns", new { name = "x", district = "중랑구", areaName = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // Their own account, as identity's API shows it.
        using var me = StaffBrowser.WithToken(system.Identity.CreateClient(), officer.AccessToken);
        var own = await me.GetFromJsonAsync<JsonElement>("/api/identity/accounts/me");
        Assert.True(own.GetProperty("mfaEnrolled").GetBoolean());
        Assert.Equal([Roles.DistrictOfficer], own.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(own.GetProperty("activationPending").GetBoolean());

        // A later sign-in takes the password and a code from the app.
        using var later = new StaffBrowser(system.Identity);
        var (verifier, challenge) = StaffBrowser.NewPkce();
        var callback = await later.SignInAsync(StaffBrowser.AuthorizeUrl(challenge), officerName.ToUpperInvariant(), Password, officer.Device);
        using var exchanged = await later.ExchangeAsync(StaffBrowser.CodeOf(callback), verifier);
        var (again, _) = await StaffBrowser.TokensOfAsync(exchanged);
        Assert.Equal(officerId.ToString(), StaffBrowser.Payload(again).GetProperty("sub").GetString());
        Assert.NotEqual(Guid.Empty, organizerId);
    }

    [Fact]
    public async Task Authorization_requests_without_S256_PKCE_or_with_another_redirect_are_refused()
    {
        using var browser = new StaffBrowser(system.Identity);
        var (_, challenge) = StaffBrowser.NewPkce();

        await AssertRefusedAsync(browser, StaffBrowser.AuthorizeUrl(challenge: null!, method: null), "invalid_request");
        await AssertRefusedAsync(browser, StaffBrowser.AuthorizeUrl(challenge, method: "plain"), "invalid_request");

        using var elsewhere = await browser.Http.GetAsync(StaffBrowser.AuthorizeUrl(challenge, redirectUri: "https://attacker.example/cb"));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Null(elsewhere.Headers.Location);

        // The residents' scope is never a staff client's.
        await AssertRefusedAsync(browser, StaffBrowser.AuthorizeUrl(challenge, scope: $"{SignerClaims.Scope} {Scopes.Signing}"), "invalid_scope");
    }

    /// <summary>Refused before any sign-in page: an error to the client or on the spot, never a code.</summary>
    private static async Task AssertRefusedAsync(StaffBrowser browser, string url, string error)
    {
        using var response = await browser.Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var location = response.Headers.Location!;
            Assert.StartsWith(StaffBrowser.RedirectUri, location.AbsoluteUri, StringComparison.Ordinal);
            Assert.Contains($"error={error}", location.Query, StringComparison.Ordinal);
            Assert.DoesNotContain("code=", location.Query, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"error:{error}", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_code_is_exchanged_only_with_its_own_verifier()
    {
        using var admin = await system.ClientAsync(system.Identity, Scopes.Identity);
        var name = NewUserName("auditor");
        var (_, code) = await admin.CreateStaffAsync(name, [Roles.Auditor]);
        using var browser = new StaffBrowser(system.Identity);
        var (verifier, challenge) = StaffBrowser.NewPkce();
        var (_, callback, _) = await browser.ActivateAsync(StaffBrowser.AuthorizeUrl(challenge), name, code, Password);
        var authorizationCode = StaffBrowser.CodeOf(callback);

        using var wrong = await browser.ExchangeAsync(authorizationCode, StaffBrowser.NewPkce().Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("invalid_grant", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        // The verifier was what failed: the right one redeems the code, once.
        using var right = await browser.ExchangeAsync(authorizationCode, verifier);
        await StaffBrowser.TokensOfAsync(right);
        using var again = await browser.ExchangeAsync(authorizationCode, verifier);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task Refresh_rolls_and_follows_the_account_a_removed_role_is_gone_and_a_disabled_account_is_refused()
    {
        using var admin = await system.ClientAsync(system.Identity, Scopes.Identity);
        var name = NewUserName("refresher");
        var (id, code) = await admin.CreateStaffAsync(name, [Roles.Organizer, Roles.Auditor]);
        using var browser = new StaffBrowser(system.Identity);
        var first = await browser.FirstSignInAsync(name, code, Password);

        using var refreshed = await browser.RefreshAsync(first.RefreshToken!);
        var (access, refresh) = await StaffBrowser.TokensOfAsync(refreshed);
        Assert.NotNull(refresh);
        Assert.NotEqual(first.RefreshToken, refresh);
        Assert.Contains(Roles.Organizer, RolesOf(access));

        using (var removed = await admin.ChangeRolesAsync(id, [Roles.Auditor]))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }
        using var afterRemoval = await browser.RefreshAsync(refresh!);
        (access, refresh) = await StaffBrowser.TokensOfAsync(afterRemoval);
        Assert.Equal([Roles.Auditor], RolesOf(access));
        using var campaigns = StaffBrowser.WithToken(system.Campaigns.CreateClient(), access);
        using var create = await campaigns.PostAsJsonAsync("/api/campaigns", new { name = "x", district = "중랑구", areaName = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);

        using (var disabled = await admin.ActAsync(id, "disable"))
        {
            Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        }
        using var afterDisable = await browser.RefreshAsync(refresh!);
        Assert.Equal(HttpStatusCode.BadRequest, afterDisable.StatusCode);
        Assert.Equal("invalid_grant", (await afterDisable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_password_hashed_at_an_older_strength_still_signs_in_and_is_rehashed_at_todays()
    {
        using var admin = await system.ClientAsync(system.Identity, Scopes.Identity);
        var name = NewUserName("rehashed");
        var (id, code) = await admin.CreateStaffAsync(name, [Roles.Auditor]);
        using var first = new StaffBrowser(system.Identity);
        var device = (await first.FirstSignInAsync(name, code, Password)).Device;
        var salt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        var weak = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(System.Text.Encoding.UTF8.GetBytes(Password), salt, 1000,
            System.Security.Cryptography.HashAlgorithmName.SHA512, 64);
        await system.QueryIdentityAsync(db => db.StaffAccounts.Where(a => a.Id == id).ExecuteUpdateAsync(update =>
            update.SetProperty(a => a.PasswordHash, $"pbkdf2-sha512.1000.{Convert.ToBase64String(salt)}.{Convert.ToBase64String(weak)}")));

        using var browser = new StaffBrowser(system.Identity);
        var (verifier, challenge) = StaffBrowser.NewPkce();
        var callback = await browser.SignInAsync(StaffBrowser.AuthorizeUrl(challenge), name, Password, device);
        await StaffBrowser.TokensOfAsync(await browser.ExchangeAsync(StaffBrowser.CodeOf(callback), verifier));
        var stored = await system.QueryIdentityAsync(db => db.StaffAccounts.Where(a => a.Id == id).Select(a => a.PasswordHash).SingleAsync());
        Assert.StartsWith("pbkdf2-sha512.210000.", stored, StringComparison.Ordinal);
    }

    private static string[] RolesOf(string accessToken) =>
        StaffBrowser.Payload(accessToken).GetProperty("role") is var role && role.ValueKind == JsonValueKind.Array
            ? [.. role.EnumerateArray().Select(r => r.GetString()!)]
            : [role.GetString()!];
}
