using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Moatown.Web.Gateway;

namespace Moatown.Web.Residents;

/// <summary>
/// The gateway's resident APIs as the pages need them: identity's verification door (anonymous) and
/// the signing service (with the signer token from the cookie). Refusals come back as
/// <see cref="ApiProblem"/>s carrying the resident's own words for what to do next.
/// </summary>
internal sealed class ResidentApi(IHttpClientFactory clients)
{
    private const string Verifications = "/api/identity/resident-verifications";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private HttpClient Gateway => clients.CreateClient(GatewayClients.Api);

    public Task<ApiResult<StartedChallenge>> StartFromLinkAsync(string token, CancellationToken cancellationToken) =>
        SendAsync<StartedChallenge>(HttpMethod.Post, $"{Verifications}/link", null, new { token }, cancellationToken);

    public Task<ApiResult<StartedChallenge>> StartFromEntryAsync(Guid campaignId, string? name, string? birthDate, string? phone,
        CancellationToken cancellationToken) =>
        SendAsync<StartedChallenge>(HttpMethod.Post, $"{Verifications}/entry", null, new { campaignId, name, birthDate, phone }, cancellationToken);

    public Task<ApiResult<VerifiedResident>> CheckCodeAsync(Guid challengeId, string? code, CancellationToken cancellationToken) =>
        SendAsync<VerifiedResident>(HttpMethod.Post, $"{Verifications}/{challengeId}/code", null, new { code }, cancellationToken);

    public Task<ApiResult<List<ProviderChoice>>> ProvidersAsync(CancellationToken cancellationToken) =>
        SendAsync<List<ProviderChoice>>(HttpMethod.Get, $"{Verifications}/providers", null, null, cancellationToken);

    public Task<ApiResult<StartedProviderVerification>> StartWithProviderAsync(Guid campaignId, string? provider, CancellationToken cancellationToken) =>
        SendAsync<StartedProviderVerification>(HttpMethod.Post, $"{Verifications}/provider", null, new { campaignId, provider }, cancellationToken);

    public Task<ApiResult<VerifiedResident>> RedeemProviderAsync(Guid sessionId, string secret, CancellationToken cancellationToken) =>
        SendAsync<VerifiedResident>(HttpMethod.Post, $"{Verifications}/provider/{sessionId}/token", null, new { sessionSecret = secret }, cancellationToken);

    public Task<ApiResult<SignerSession>> SessionAsync(string signerToken, CancellationToken cancellationToken) =>
        SendAsync<SignerSession>(HttpMethod.Get, "/api/signing/session", signerToken, null, cancellationToken);

    public Task<ApiResult<CurrentConsent>> CurrentAsync(string signerToken, CancellationToken cancellationToken) =>
        SendAsync<CurrentConsent>(HttpMethod.Get, "/api/signing/consents/current", signerToken, null, cancellationToken);

    public Task<ApiResult<FormReview>> FormAsync(string signerToken, CancellationToken cancellationToken) =>
        SendAsync<FormReview>(HttpMethod.Get, "/api/signing/form", signerToken, null, cancellationToken);

    public Task<ApiResult<ConsentReceipt>> ConsentAsync(string signerToken, Guid consentId, CancellationToken cancellationToken) =>
        SendAsync<ConsentReceipt>(HttpMethod.Get, $"/api/signing/consents/{consentId}", signerToken, null, cancellationToken);

    public Task<ApiResult<ConsentReceipt>> SignAsync(string signerToken, object request, CancellationToken cancellationToken) =>
        SendAsync<ConsentReceipt>(HttpMethod.Post, "/api/signing/consents", signerToken, request, cancellationToken);

    public Task<ApiResult<ConsentReceipt>> WithdrawAsync(string signerToken, object request, CancellationToken cancellationToken) =>
        SendAsync<ConsentReceipt>(HttpMethod.Post, "/api/signing/withdrawals", signerToken, request, cancellationToken);

    /// <summary>A PDF from the signing service, streamed through (the form, or a sealed document).</summary>
    public async Task<HttpResponseMessage> GetFileAsync(string signerToken, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", signerToken);
        return await Gateway.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, string? signerToken, object? body, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, path);
        if (signerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", signerToken);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }
        HttpResponseMessage response;
        try
        {
            response = await Gateway.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return new(null, ApiProblem.Unreachable);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(null, ApiProblem.Unreachable);
        }
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return new(await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken), null, (int)response.StatusCode);
            }
            return new(null, await ApiProblem.ReadAsync(response, cancellationToken), (int)response.StatusCode);
        }
    }
}

internal sealed record ApiResult<T>(T? Value, ApiProblem? Problem, int Status = 0) where T : class;

/// <summary>
/// A refusal as the resident should hear it: the reason code, the service's Korean sentence
/// (residentMessage, else detail), and each field's error for forms.
/// </summary>
internal sealed record ApiProblem(int Status, string? Reason, string? Message, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ApiProblem Unreachable { get; } = new(503, "unreachable", null, new Dictionary<string, string[]>());

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (problem.ValueKind != JsonValueKind.Object)
            {
                return new(status, null, null, new Dictionary<string, string[]>());
            }
            var reason = Text(problem, "reason");
            var message = Text(problem, "residentMessage") ?? (reason is not null ? Text(problem, "detail") : null);
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            if (problem.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in fields.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? [.. field.Value.EnumerateArray().Select(e => e.GetString() ?? "")] : [];
                }
            }
            return new(status, reason ?? (errors.Count > 0 ? "validation" : null), message, errors);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return new(status, null, null, new Dictionary<string, string[]>());
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

internal sealed record StartedChallenge(Guid ChallengeId, Guid CampaignId, string? CampaignName, string? MaskedPhone, DateTimeOffset ExpiresAt,
    int AttemptsAllowed, string ResidentMessage);

internal sealed record VerifiedResident(Guid CampaignId, string VerificationMethod, string SignerToken, DateTimeOffset ExpiresAt);

internal sealed record ProviderChoice(string Name, string DisplayName);

internal sealed record StartedProviderVerification(Guid SessionId, string SessionSecret, Uri AuthorizationUrl, string Provider, string DisplayName,
    DateTimeOffset ExpiresAt);

internal sealed record SignerSession(Guid CampaignId, Guid HolderId, string VerificationMethod, DateTimeOffset? VerifiedAt, DateTimeOffset? ExpiresAt);

internal sealed record FormReview(Guid CampaignId, string CampaignName, string Title, string Html, IReadOnlyList<string> StatutoryItems,
    int FormVersion, string FormSha256, string PdfUrl);

internal sealed record ConsentReceipt(Guid ConsentId, string Kind, string Status, string ReceiptNumber, DateTimeOffset SubmittedAt,
    DateTimeOffset? SealedAt, string? DocumentHash, DateTimeOffset? TimestampedAt)
{
    public bool IsSealed => Status == "sealed";
    public bool IsWithdrawal => Kind == "withdrawal";
    /// <summary>The document's SHA-256 in hex, as the public verification page takes it.</summary>
    public string? DocumentSha256 => DocumentHash?.StartsWith("sha256:", StringComparison.Ordinal) == true ? DocumentHash["sha256:".Length..] : DocumentHash;
}

internal sealed record CurrentConsent(string State, ConsentReceipt? Consent, ConsentReceipt? Withdrawal);
