using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moatown.SampleSubscriber;

/// <summary>Puts a client-credentials access token (scope "campaigns") on every backfill request; renews it a minute early.</summary>
public sealed class ClientCredentialsHandler(SubscriberOptions options) : DelegatingHandler
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && DateTimeOffset.UtcNow < _expires)
            {
                return _token;
            }
            using var tokenClient = new HttpClient();
            using var response = await tokenClient.PostAsync(options.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.ClientId,
                ["client_secret"] = options.ClientSecret,
                ["scope"] = "campaigns",
            }), cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            _token = body.GetProperty("access_token").GetString()!;
            _expires = DateTimeOffset.UtcNow.AddSeconds(body.GetProperty("expires_in").GetInt32() - 60);
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }
}
