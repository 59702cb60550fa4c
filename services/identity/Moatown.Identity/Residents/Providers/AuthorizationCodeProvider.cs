using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Moatown.Identity.Residents.Providers;

/// <summary>
/// A provider that speaks the OAuth 2.0 authorization-code flow the Korean certificate providers use:
/// the browser goes to AuthorizeUrl with response_type=code, client_id, redirect_uri, state and nonce; the
/// code is posted to TokenUrl with the client's credentials (client_secret_post), and the answer carries the
/// verified claims. See docs/identity-providers.md.
/// </summary>
public sealed class AuthorizationCodeProvider(
    string name, IdentityProviderOptions options, IHttpClientFactory httpClients, TimeProvider time, ILogger<AuthorizationCodeProvider> logger)
    : IIdentityProvider
{
    public string Name => name;

    public string DisplayName => options.DisplayName ?? name;

    /// <summary>The HttpClient name of a provider's backchannel (its timeouts are set at registration).</summary>
    public static string HttpClientName(string provider) => $"identity-provider-{provider}";

    public Uri BuildAuthorizationUri(string state, string nonce, Uri redirectUri)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        var parameters = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = options.ClientId,
            ["redirect_uri"] = redirectUri.AbsoluteUri,
            ["state"] = state,
            ["nonce"] = nonce,
        };
        if (!string.IsNullOrEmpty(options.Scope))
        {
            parameters["scope"] = options.Scope;
        }
        return new Uri(QueryHelpers.AddQueryString(options.AuthorizeUrl!.AbsoluteUri, parameters));
    }

    public async Task<VerifiedPerson> RedeemAsync(string code, Uri redirectUri, string expectedNonce, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentException.ThrowIfNullOrEmpty(expectedNonce);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = redirectUri.AbsoluteUri,
                ["client_id"] = options.ClientId!,
                ["client_secret"] = options.ClientSecret!,
            }),
        };
        request.Headers.Accept.ParseAdd("application/json");

        try
        {
            var http = httpClients.CreateClient(HttpClientName(name));
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw await RefusalAsync(response, cancellationToken);
            }
            var claims = await response.Content.ReadFromJsonAsync<VerifiedClaims>(cancellationToken)
                         ?? throw new IdentityProviderException(name, IdentityProviderFailure.InvalidResponse, "the answer was empty");
            // Birth dates are Korean calendar dates: "today" is today in Korea (UTC+9, no daylight saving).
            return claims.ToPerson(name, expectedNonce, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(9)));
        }
        catch (IdentityProviderException)
        {
            throw;
        }
        catch (JsonException ex)
        {
            throw new IdentityProviderException(name, IdentityProviderFailure.InvalidResponse, "the answer was not JSON claims", ex);
        }
        // Everything else is the way there failing: HttpRequestException, a timed-out attempt, or the open circuit.
        // (Polly's exception types cannot be named here: OpenIddict brings Polly 7 beside Polly 8, same names.)
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Identity provider {Provider} could not be reached", name);
            throw new IdentityProviderException(name, IdentityProviderFailure.Unavailable, "the token endpoint could not be reached", ex);
        }
    }

    private async Task<IdentityProviderException> RefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            logger.LogWarning("Identity provider {Provider} answered {Status}", name, status);
            return new(name, IdentityProviderFailure.Unavailable, $"the token endpoint answered {status}");
        }
        var error = await ReadErrorAsync(response, cancellationToken);
        if (error == "invalid_grant")
        {
            return new(name, IdentityProviderFailure.CodeRejected, "the code was refused (unknown, used, expired or for another redirect)");
        }
        // Our credentials or request are wrong: only an operator can fix that, so it is logged as an error.
        logger.LogError("Identity provider {Provider} refused the client: {Status} {Error}", name, status, error);
        return new(name, IdentityProviderFailure.ClientRejected, $"the token endpoint refused the client ({status} {error})");
    }

    private static async Task<string?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync<OAuthError>(cancellationToken);
            // Only the registered error codes are passed on; free text from outside stays out of logs.
            return error?.Error is { Length: <= 40 } code && code.All(c => c is '_' or (>= 'a' and <= 'z')) ? code : null;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return null;
        }
    }
}
