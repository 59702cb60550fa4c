namespace Moatown.Documents.Vault;

/// <summary>Who reads a document and why, as the audit trail records it.</summary>
/// <param name="Actor">The token subject, or "documents" for the service's own reads (sealing, rendering).</param>
/// <param name="Action"><see cref="VaultActions.Read"/> or <see cref="VaultActions.Download"/>.</param>
public sealed record VaultReader(string Actor, string Action, string? Purpose = null)
{
    public const string ServiceActor = "documents";

    /// <summary>The service itself, reading a document to work on it.</summary>
    public static readonly VaultReader Service = new(ServiceActor, VaultActions.Read);

    /// <summary>A person or client downloading a document through the API.</summary>
    public static VaultReader Download(string subject, string? purpose) => new(subject, VaultActions.Download, purpose);
}

/// <summary>What is known of a stored document without decrypting it.</summary>
public sealed record DocumentMetadata(Guid Id, Guid CampaignId, string Kind, string ContentType, long Length, string Sha256, DateTimeOffset CreatedAt)
{
    internal static DocumentMetadata Of(EncryptedDocument document) => new(document.Id, document.CampaignId, document.Kind,
        document.ContentType, document.Length, document.Sha256, document.CreatedAt);
}

/// <summary>A document read back: its plaintext, checked against what was stored.</summary>
public sealed record VaultDocument(DocumentMetadata Metadata, byte[] Content);

/// <summary>A document just stored.</summary>
public sealed record StoredDocument(Guid Id, string Sha256, long Length);

/// <param name="ActiveMasterKeyId">Every campaign key still readable is now wrapped by this master key.</param>
/// <param name="Rewrapped">Campaign keys moved to the active master key by this run.</param>
/// <param name="AlreadyCurrent">Campaign keys that already were under it.</param>
/// <param name="Shredded">Shredded campaigns: nothing left to re-wrap.</param>
/// <param name="Unavailable">Campaign keys under a master key no longer configured, or that failed to unwrap: left as they were.</param>
public sealed record RotationReport(string ActiveMasterKeyId, int Rewrapped, int AlreadyCurrent, int Shredded, int Unavailable);

/// <param name="Documents">How many of the campaign's documents are now unreadable.</param>
/// <param name="AlreadyShredded">The campaign had been shredded before; nothing changed.</param>
public sealed record ShredReport(Guid CampaignId, int Documents, DateTimeOffset ShreddedAt, bool AlreadyShredded);
