using System.Net.Http.Json;

namespace Moatown.Documents.Consents;

/// <summary>The signing service's record of a submission, fetched with documents' own service token when it seals.</summary>
public sealed class SigningSubmissions(IHttpClientFactory http)
{
    public const string ClientName = "signing";

    public async Task<Submission> GetAsync(Guid consentId, CancellationToken cancellationToken)
    {
        using var response = await http.CreateClient(ClientName).GetAsync($"internal/signing/consents/{consentId}/submission", cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Submission>(cancellationToken)
            ?? throw new InvalidOperationException("The signing service answered an empty submission.");
    }
}

public sealed record Submission(Guid ConsentId, Guid CampaignId, Guid HolderId, string Kind, Guid FormDocumentId, string FormSha256,
    IReadOnlyList<int> AgreedItems, SubmittedSignature Signature, SubmittedEvidence Evidence, Guid? WithdrawsConsentId);

public sealed record SubmittedSignature(string? Png, IReadOnlyList<IReadOnlyList<SubmittedPoint>>? Strokes, int? Width, int? Height);

public sealed record SubmittedPoint(double X, double Y);

public sealed record SubmittedEvidence(string VerificationMethod, DateTimeOffset? VerifiedAt, string? ClientAddress, string? UserAgent,
    DateTimeOffset FormViewedAt, DateTimeOffset SubmittedAt, string FormSha256, string IdempotencyKeyHash);
