namespace Moatown.Documents.Vault;

/// <summary>
/// A stored document as the database holds it: ciphertext under its own data key, which is kept
/// only wrapped by its campaign's key. The plaintext's SHA-256 is checked again on every read.
/// </summary>
public sealed class EncryptedDocument
{
    public Guid Id { get; init; }
    public Guid CampaignId { get; init; }
    /// <summary>What the document is: "consent", "withdrawal", "form", …</summary>
    public required string Kind { get; init; }
    public required string ContentType { get; init; }
    /// <summary>The plaintext's length in bytes.</summary>
    public long Length { get; init; }
    /// <summary>Lower-case hex SHA-256 of the plaintext.</summary>
    public required string Sha256 { get; init; }
    public required byte[] Ciphertext { get; init; }
    public required byte[] Nonce { get; init; }
    public required byte[] Tag { get; init; }
    /// <summary>The document's data key, sealed (AES-256-GCM) under its campaign key.</summary>
    public required byte[] WrappedDataKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
