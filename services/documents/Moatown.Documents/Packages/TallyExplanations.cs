using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moatown.Documents.Forms;

namespace Moatown.Documents.Packages;

/// <summary>A campaign's tally and its owners' explanation from campaigns, with documents' own token.</summary>
public sealed class TallyExplanations(IHttpClientFactory http)
{
    /// <summary>Null when campaigns knows no such campaign.</summary>
    public async Task<TallyExplanation?> GetAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        using var response = await http.CreateClient(CampaignForms.ClientName)
            .GetAsync($"internal/campaigns/{campaignId}/tally-explanation", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<TallyExplanation>(cancellationToken)
            ?? throw new InvalidOperationException("The campaigns service answered an empty tally.");
    }
}

/// <summary>Kept as JSON: the package carries campaigns' own words, not documents' reading of them.</summary>
public sealed record TallyExplanation(JsonElement Tally, JsonElement Explanation);
