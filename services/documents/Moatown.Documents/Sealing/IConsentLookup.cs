namespace Moatown.Documents.Sealing;

/// <summary>Which campaign and consent a sealed document belongs to, and whether that consent still stands.</summary>
public sealed record ConsentReference(Guid CampaignId, Guid ConsentId, string Status);

/// <summary>Finds a sealed document by its SHA-256 (a document sealed elsewhere is simply not found).</summary>
public interface IConsentLookup
{
    Task<ConsentReference?> FindBySha256Async(string sha256, CancellationToken cancellationToken);
}
