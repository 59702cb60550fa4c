using System.Net;
using System.Net.Http.Json;

namespace Moatown.Documents.Forms;

/// <summary>One owner's consent form particulars from campaigns (the frozen form, their name and properties), with documents' own token.</summary>
public sealed class CampaignForms(IHttpClientFactory http)
{
    public const string ClientName = "campaigns";

    /// <summary>Null when the campaign is not open or the holder is not on its current roll.</summary>
    public async Task<OwnerForm?> GetAsync(Guid campaignId, Guid holderId, CancellationToken cancellationToken)
    {
        using var response = await http.CreateClient(ClientName)
            .GetAsync($"internal/campaigns/{campaignId}/holders/{holderId}/consent-form", cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<OwnerForm>(cancellationToken)
            ?? throw new InvalidOperationException("The campaigns service answered an empty form.");
    }
}

/// <param name="OwnerName">Personal data: on the owner's own form only, never in a log.</param>
public sealed record OwnerForm(Guid CampaignId, string CampaignName, string District, string AreaName, string Title, string Body,
    IReadOnlyList<string> StatutoryItems, int FormVersion, Guid HolderId, string OwnerName, IReadOnlyList<OwnerFormProperty> Properties);

public sealed record OwnerFormProperty(string PropertyId, string Kind, string LotNumber, decimal? LandAreaM2, string Share);
