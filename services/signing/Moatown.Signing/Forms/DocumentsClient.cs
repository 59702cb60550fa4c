using System.Net;
using System.Net.Http.Json;

namespace Moatown.Signing.Forms;

/// <summary>
/// The documents service as signing needs it, with signing's own service token over the internal
/// network: the owner's form rendered and kept in the vault, and its exact bytes.
/// </summary>
public sealed class DocumentsClient(IHttpClientFactory http)
{
    public const string ClientName = "documents";

    /// <summary>The holder's form; null when the campaign is not open or the holder is not on its roll.</summary>
    public async Task<RenderedForm?> GetFormAsync(Guid campaignId, Guid holderId, CancellationToken cancellationToken)
    {
        using var response = await http.CreateClient(ClientName)
            .PostAsJsonAsync("internal/documents/forms", new { campaignId, holderId }, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<RenderedForm>(cancellationToken)
            ?? throw new InvalidOperationException("The documents service answered an empty form.");
    }

    public async Task<byte[]?> GetContentAsync(Guid documentId, CancellationToken cancellationToken)
    {
        using var response = await http.CreateClient(ClientName).GetAsync($"internal/documents/{documentId}/content", cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }
}

/// <param name="DocumentId">The unsigned form PDF in the vault.</param>
/// <param name="Sha256">Hex SHA-256 of the exact PDF bytes the holder may download and will sign.</param>
/// <param name="Html">The same form as accessible HTML for the phone.</param>
public sealed record RenderedForm(Guid DocumentId, string Sha256, string Html, string CampaignName, string Title, IReadOnlyList<string> StatutoryItems,
    int FormVersion);
