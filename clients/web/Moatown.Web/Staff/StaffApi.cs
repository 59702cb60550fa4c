using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Moatown.Web.Gateway;

namespace Moatown.Web.Staff;

/// <summary>
/// The gateway's APIs as the signed-in staff member: their own access token, refreshed when due.
/// Works in a page request and in an interactive component alike (both know the person from their
/// authentication state).
/// </summary>
internal sealed class StaffApi(
    IHttpClientFactory clients, StaffTokenStore store, AuthenticationStateProvider authentication, TimeProvider time)
{
    /// <summary>A gateway client carrying the staff member's token; null when they must sign in again.</summary>
    public Task<HttpClient?> ClientAsync(CancellationToken cancellationToken = default) =>
        AuthorizedAsync(GatewayClients.Api, cancellationToken);

    /// <summary>The same for a long-lived read (the live tally stream).</summary>
    public Task<HttpClient?> StreamClientAsync(CancellationToken cancellationToken = default) =>
        AuthorizedAsync(GatewayClients.Stream, cancellationToken);

    private async Task<HttpClient?> AuthorizedAsync(string name, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.FindFirst(StaffSignIn.SessionClaim)?.Value is not { } session
            || await store.AccessTokenAsync(session, RefreshAsync, cancellationToken) is not { } accessToken)
        {
            return null;
        }
        var client = clients.CreateClient(name);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>The code from identity's sign-in pages, exchanged with the PKCE verifier.</summary>
    public Task<StaffTokenStore.Tokens?> RedeemAsync(string code, string verifier, string redirectUri, CancellationToken cancellationToken) =>
        TokenRequestAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = StaffSignInOptions.ClientId,
            ["code"] = code,
            ["code_verifier"] = verifier,
            ["redirect_uri"] = redirectUri,
        }, cancellationToken);

    private Task<StaffTokenStore.Tokens?> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        TokenRequestAsync(new()
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = StaffSignInOptions.ClientId,
            ["refresh_token"] = refreshToken,
        }, cancellationToken);

    private async Task<StaffTokenStore.Tokens?> TokenRequestAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(GatewayClients.Api);
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = body.RootElement;
        return new StaffTokenStore.Tokens(
            root.GetProperty("access_token").GetString()!,
            root.GetProperty("refresh_token").GetString()!,
            time.GetUtcNow().AddSeconds(root.GetProperty("expires_in").GetInt32()));
    }

    /// <summary>Who the token names, from identity's own account endpoint: the cookie's claims.</summary>
    public async Task<ClaimsIdentity?> AccountAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(GatewayClients.Api);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.GetAsync("/api/identity/accounts/me", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var account = body.RootElement;
        var identity = new ClaimsIdentity("moatown-staff", ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.GetProperty("id").GetString()!));
        identity.AddClaim(new Claim(ClaimTypes.Name, account.GetProperty("userName").GetString()!));
        identity.AddClaim(new Claim("display_name", account.GetProperty("displayName").GetString() ?? ""));
        foreach (var role in account.GetProperty("roles").EnumerateArray())
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role.GetString()!));
        }
        if (account.GetProperty("district").GetString() is { Length: > 0 } district)
        {
            identity.AddClaim(new Claim("district", district));
        }
        return identity;
    }
}
