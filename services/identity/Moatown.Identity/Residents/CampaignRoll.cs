using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moatown.Identity.Residents;

/// <summary>
/// The campaigns service's answers about its roll, asked with identity's own service token over
/// the internal network: whom a personal link names, and whom a resident's details match.
/// </summary>
public sealed class CampaignRoll(IHttpClientFactory http)
{
    public const string ClientName = "campaigns";

    public async Task<LinkLookup> ResolveLinkAsync(string token, CancellationToken cancellationToken)
    {
        using var response = await http.CreateClient(ClientName)
            .PostAsJsonAsync("internal/campaigns/invitations/resolve", new { token }, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => new LinkLookup(await response.Content.ReadFromJsonAsync<ResolvedLink>(cancellationToken), null),
            HttpStatusCode.NotFound or HttpStatusCode.BadRequest => new LinkLookup(null, "unknown"),
            HttpStatusCode.Gone => new LinkLookup(null, await ReasonAsync(response, cancellationToken, orElse: "gone")),
            // Anything else is a fault between the services, not an answer about the link.
            _ => throw new HttpRequestException($"The campaigns service answered {(int)response.StatusCode} to a link resolution.", null, response.StatusCode),
        };
    }

    /// <param name="phone">As typed; null when a certificate provider identified the person (no phone asked).</param>
    public async Task<HolderLookup> IdentifyAsync(Guid campaignId, string name, DateOnly birthDate, string? phone, CancellationToken cancellationToken)
    {
        using var response = await http.CreateClient(ClientName)
            .PostAsJsonAsync($"internal/campaigns/{campaignId}/holders/identify", new { name, birthDate, phone }, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => new HolderLookup(await response.Content.ReadFromJsonAsync<IdentifiedHolder>(cancellationToken), null),
            HttpStatusCode.NotFound => new HolderLookup(null, await ReasonAsync(response, cancellationToken, orElse: "no-match")),
            HttpStatusCode.Conflict => new HolderLookup(null, "ambiguous"),
            HttpStatusCode.Gone => new HolderLookup(null, await ReasonAsync(response, cancellationToken, orElse: "gone")),
            _ => throw new HttpRequestException($"The campaigns service answered {(int)response.StatusCode} to an identification.", null, response.StatusCode),
        };
    }

    /// <summary>The problem's "reason"; a bare status (no body) gives the default.</summary>
    private static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken, string orElse)
    {
        if (response.Content.Headers.ContentLength == 0 || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) != true)
        {
            return orElse;
        }
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("reason", out var reason) && reason.GetString() is { Length: > 0 } value
            ? value : orElse;
    }
}

public sealed record RollContact(string PhoneKey, string MaskedPhone);

public sealed record ResolvedLink(Guid InvitationId, Guid CampaignId, Guid HolderId, string CampaignName, DateTimeOffset ExpiresAt, RollContact? Contact);

public sealed record IdentifiedHolder(Guid HolderId, string CampaignName, RollContact? Contact);

/// <param name="Refusal">"unknown", "expired", "replaced", "campaign-not-open".</param>
public sealed record LinkLookup(ResolvedLink? Link, string? Refusal);

/// <param name="Refusal">"no-match", "ambiguous", "campaign-not-open".</param>
public sealed record HolderLookup(IdentifiedHolder? Holder, string? Refusal);
