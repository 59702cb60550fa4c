namespace Moatown.Documents.Sealing;

/// <summary>Which campaign and consent a sealed document belongs to, and whether that consent still stands.</summary>
public sealed record ConsentReference(Guid CampaignId, Guid ConsentId, string Status);

/// <summary>
/// The seam for the vault and signing work: finds a sealed document by its SHA-256. Until the vault
/// stores sealed documents there is nothing to find, so verification answers nulls for these fields.
/// </summary>
public interface IConsentLookup
{
    Task<ConsentReference?> FindBySha256Async(string sha256, CancellationToken cancellationToken);
}

internal sealed class NoConsentLookup : IConsentLookup
{
    public Task<ConsentReference?> FindBySha256Async(string sha256, CancellationToken cancellationToken) => Task.FromResult<ConsentReference?>(null);
}
