using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Moatown.ServiceDefaults.Authentication;

/// <summary>This service's own credentials as a service client (section <c>ServiceClient</c>; the AppHost passes them).</summary>
public sealed class ServiceClientOptions
{
    public const string SectionName = "ServiceClient";

    /// <summary>e.g. <c>service-notifications</c> (see <see cref="ServiceClients"/>).</summary>
    public string? Id { get; set; }
    public string? Secret { get; set; }
}

/// <summary>
/// Client-credentials tokens from identity for calls to other services, one per scope (audience),
/// kept until a minute before they expire so a busy sender does not ask for one per message.
/// </summary>
public sealed class ServiceTokens(HttpClient identity, IOptions<ServiceClientOptions> options, TimeProvider time)
{
    private static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset RefreshAt)> tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<string> GetAsync(string scope, CancellationToken cancellationToken)
    {
        if (tokens.TryGetValue(scope, out var cached) && time.GetUtcNow() < cached.RefreshAt)
        {
            return cached.Token;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (tokens.TryGetValue(scope, out cached) && time.GetUtcNow() < cached.RefreshAt)
            {
                return cached.Token;
            }
            var client = options.Value;
            if (string.IsNullOrEmpty(client.Id) || string.IsNullOrEmpty(client.Secret))
            {
                throw new InvalidOperationException($"{ServiceClientOptions.SectionName}:Id and :Secret are not configured; this service cannot call others.");
            }
            using var response = await identity.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = client.Id,
                ["client_secret"] = client.Secret,
                ["scope"] = scope,
            }), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                // The body may name the client; the status and scope are enough to act on.
                throw new HttpRequestException($"Identity refused a service token for scope '{scope}' ({(int)response.StatusCode}).", null, response.StatusCode);
            }
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var token = body.GetProperty("access_token").GetString()!;
            var lifetime = TimeSpan.FromSeconds(body.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 300);
            tokens[scope] = (token, time.GetUtcNow() + lifetime - RefreshBeforeExpiry);
            return token;
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>Puts this service's token for the called service's scope on every request.</summary>
public sealed class ServiceTokenHandler(ServiceTokens tokens, string scope) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await tokens.GetAsync(scope, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
