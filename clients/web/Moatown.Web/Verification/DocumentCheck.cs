using System.Net;
using System.Net.Http.Headers;
using Moatown.Web.Gateway;

namespace Moatown.Web.Verification;

/// <summary>What <c>POST /api/documents/verify</c> answers for a sealed PDF.</summary>
public sealed record DocumentVerdict(
    bool SignatureValid,
    bool DocumentUnmodified,
    string? Signer,
    DateTimeOffset? SignedAt,
    DateTimeOffset? TimestampedAt,
    bool TimestampValid,
    string Sha256,
    Guid? CampaignId,
    Guid? ConsentId,
    string? ConsentStatus)
{
    /// <summary>The seal holds, covers the whole file, and its time-stamp checks out.</summary>
    public bool Intact => SignatureValid && DocumentUnmodified && TimestampValid;

    /// <summary>The receipt number the resident was given ("MT-1A2B-3C4D-5E6F": the consent id's random part, as signing makes it).</summary>
    public string? ReceiptNumber => ConsentId is { } id ? Receipt(id) : null;

    private static string Receipt(Guid consentId)
    {
        var hex = consentId.ToString("N").ToUpperInvariant()[^12..];
        return $"MT-{hex[..4]}-{hex[4..8]}-{hex[8..]}";
    }
}

/// <summary>Why a file could not be checked at all.</summary>
public enum CheckRefusal { NoFile, TooLarge, NotPdf, NoSignature, Unavailable }

public sealed record CheckOutcome(DocumentVerdict? Verdict, CheckRefusal? Refusal);

/// <summary>
/// The public check of a sealed consent document: the file's bytes go to documents' anonymous
/// <c>POST /api/documents/verify</c> through the gateway, as any verifier's would.
/// </summary>
public sealed class DocumentCheck(IHttpClientFactory clients)
{
    /// <summary>What this page accepts; documents itself reads at most 10 MB, so larger files are refused here with a plain answer.</summary>
    public const long MaxUploadBytes = 20 * 1024 * 1024;
    public const long ServiceMaxBytes = 10 * 1024 * 1024;

    public async Task<CheckOutcome> CheckAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return new(null, CheckRefusal.NoFile);
        }
        if (file.Length > ServiceMaxBytes)
        {
            return new(null, CheckRefusal.TooLarge);
        }
        using var client = clients.CreateClient(GatewayClients.Api);
        await using var body = file.OpenReadStream();
        using var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Headers.ContentLength = file.Length;
        try
        {
            using var response = await client.PostAsync("/api/documents/verify", content, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => new(await response.Content.ReadFromJsonAsync<DocumentVerdict>(cancellationToken), null),
                HttpStatusCode.RequestEntityTooLarge => new(null, CheckRefusal.TooLarge),
                HttpStatusCode.UnprocessableEntity when (await response.Content.ReadAsStringAsync(cancellationToken)).Contains("No signature", StringComparison.Ordinal)
                    => new(null, CheckRefusal.NoSignature),
                HttpStatusCode.UnprocessableEntity or HttpStatusCode.UnsupportedMediaType => new(null, CheckRefusal.NotPdf),
                _ => new(null, CheckRefusal.Unavailable),
            };
        }
        catch (HttpRequestException)
        {
            return new(null, CheckRefusal.Unavailable);
        }
    }
}
