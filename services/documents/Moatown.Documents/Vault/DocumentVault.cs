using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Moatown.Documents.Data;

namespace Moatown.Documents.Vault;

/// <summary>
/// Stores documents encrypted (AES-256-GCM, one data key per document, wrapped by its campaign's
/// key, wrapped in turn by a master key) and reads them back only if they are exactly what was
/// stored. Every store, read, rotation and shred goes into the audit trail.
/// </summary>
/// <remarks>Saves its own changes, and with them anything else the caller's context has pending.</remarks>
public sealed partial class DocumentVault(
    DocumentsDbContext db, CampaignKeys campaignKeys, IMasterKeys masterKeys, TimeProvider time, ILogger<DocumentVault> logger)
{
    public async Task<StoredDocument> StoreAsync(Guid campaignId, string kind, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(kind.Length, VaultModel.MaxKindLength, nameof(kind));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(contentType.Length, VaultModel.MaxContentTypeLength, nameof(contentType));

        var id = Guid.CreateVersion7();
        var campaignKey = await campaignKeys.GetOrCreateAsync(campaignId, cancellationToken);
        var dataKey = RandomNumberGenerator.GetBytes(Gcm.KeySize);
        try
        {
            var nonce = RandomNumberGenerator.GetBytes(Gcm.NonceSize);
            var ciphertext = new byte[content.Length];
            var tag = new byte[Gcm.TagSize];
            using (var aes = new AesGcm(dataKey, Gcm.TagSize))
            {
                aes.Encrypt(nonce, content, ciphertext, tag, DocumentContext(id, campaignId, kind, contentType));
            }
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
            var now = time.GetUtcNow();
            db.Documents.Add(new EncryptedDocument
            {
                Id = id,
                CampaignId = campaignId,
                Kind = kind,
                ContentType = contentType,
                Length = content.Length,
                Sha256 = sha256,
                Ciphertext = ciphertext,
                Nonce = nonce,
                Tag = tag,
                WrappedDataKey = Gcm.Seal(campaignKey, dataKey, DataKeyContext(id, campaignId)),
                CreatedAt = now,
            });
            Audit(VaultReader.ServiceActor, VaultActions.Store, id, campaignId, "ok", purpose: kind);
            await db.SaveChangesAsync(cancellationToken);
            return new StoredDocument(id, sha256, content.Length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
            CryptographicOperations.ZeroMemory(campaignKey);
        }
    }

    /// <summary>What is known of a document without decrypting it (for access decisions), or null if there is none.</summary>
    public async Task<DocumentMetadata?> DescribeAsync(Guid documentId, CancellationToken cancellationToken) =>
        await db.Documents.AsNoTracking().Where(d => d.Id == documentId)
            .Select(d => new DocumentMetadata(d.Id, d.CampaignId, d.Kind, d.ContentType, d.Length, d.Sha256, d.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The service's own read of a document (to seal or render it).</summary>
    public Task<VaultDocument?> ReadAsync(Guid documentId, CancellationToken cancellationToken) =>
        ReadAsync(documentId, VaultReader.Service, cancellationToken);

    /// <summary>The document exactly as stored, or null if there is none. Audited, whatever the outcome.</summary>
    /// <exception cref="DocumentIntegrityException">It was altered: its ciphertext, tag, nonce, metadata or wrapped keys.</exception>
    /// <exception cref="CampaignShreddedException">Its campaign was shredded.</exception>
    /// <exception cref="MasterKeyUnavailableException">Its campaign key is under a master key no longer configured.</exception>
    public async Task<VaultDocument?> ReadAsync(Guid documentId, VaultReader reader, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return null;
        }
        var keyRow = await campaignKeys.FindAsync(document.CampaignId, cancellationToken);
        if (keyRow is { ShreddedAt: not null })
        {
            Audit(reader.Actor, reader.Action, document.Id, document.CampaignId, "shredded", reader.Purpose);
            await db.SaveChangesAsync(cancellationToken);
            throw new CampaignShreddedException(document.CampaignId, keyRow.ShreddedAt);
        }

        byte[] content;
        try
        {
            content = await DecryptAsync(document, keyRow, cancellationToken);
        }
        catch (MasterKeyUnavailableException)
        {
            Audit(reader.Actor, reader.Action, document.Id, document.CampaignId, "master key unavailable", reader.Purpose);
            await db.SaveChangesAsync(cancellationToken);
            throw;
        }
        catch (CryptographicException)
        {
            LogIntegrityFailure(document.Id, document.CampaignId, reader.Actor);
            Audit(reader.Actor, VaultActions.IntegrityFailure, document.Id, document.CampaignId, "refused", reader.Purpose);
            await db.SaveChangesAsync(cancellationToken);
            throw new DocumentIntegrityException(document.Id);
        }
        Audit(reader.Actor, reader.Action, document.Id, document.CampaignId, "ok", reader.Purpose);
        await db.SaveChangesAsync(cancellationToken);
        return new VaultDocument(DocumentMetadata.Of(document), content);
    }

    /// <summary>Records that a reader was refused a document before it was decrypted.</summary>
    public async Task RecordDeniedAsync(DocumentMetadata document, VaultReader reader, CancellationToken cancellationToken)
    {
        Audit(reader.Actor, reader.Action, document.Id, document.CampaignId, "denied", reader.Purpose);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <exception cref="CryptographicException">Anything that does not authenticate, or a plaintext whose hash differs.</exception>
    private async Task<byte[]> DecryptAsync(EncryptedDocument document, CampaignKey? keyRow, CancellationToken cancellationToken)
    {
        // The vault shreds by clearing a key, never by deleting its row: a missing row was removed by someone else.
        var campaignKey = await campaignKeys.UnwrapAsync(keyRow ?? throw new CryptographicException("The campaign key is missing."), cancellationToken);
        byte[]? dataKey = null;
        try
        {
            dataKey = Gcm.Open(campaignKey, document.WrappedDataKey, DataKeyContext(document.Id, document.CampaignId));
            if (document.Nonce.Length != Gcm.NonceSize || document.Tag.Length != Gcm.TagSize || document.Ciphertext.LongLength != document.Length)
            {
                throw new CryptographicException("The stored document's shape does not match its record.");
            }
            var content = new byte[document.Ciphertext.Length];
            using (var aes = new AesGcm(dataKey, Gcm.TagSize))
            {
                aes.Decrypt(document.Nonce, document.Ciphertext, document.Tag, content,
                    DocumentContext(document.Id, document.CampaignId, document.Kind, document.ContentType));
            }
            // The tag already proves the ciphertext; the hash proves the plaintext is the one the
            // store was given, and is what sealed copies and verifiers quote.
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(sha256), Encoding.ASCII.GetBytes(document.Sha256)))
            {
                throw new CryptographicException("The document's hash differs from the one recorded when it was stored.");
            }
            return content;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(campaignKey);
            if (dataKey is not null)
            {
                CryptographicOperations.ZeroMemory(dataKey);
            }
        }
    }

    private VaultAuditEntry Audit(string actor, string action, Guid? documentId, Guid? campaignId, string outcome, string? purpose = null) =>
        db.VaultAudit.Add(new VaultAuditEntry
        {
            At = time.GetUtcNow(),
            Actor = Truncate(actor, VaultModel.MaxActorLength)!,
            Action = action,
            DocumentId = documentId,
            CampaignId = campaignId,
            Outcome = Truncate(outcome, 200)!,
            Purpose = Truncate(purpose, VaultModel.MaxPurposeLength),
        }).Entity;

    private static string? Truncate(string? value, int length) => value is { } text && text.Length > length ? text[..length] : value;

    /// <summary>The content's associated data: a ciphertext moved to another row, or relabelled, does not decrypt.</summary>
    private static byte[] DocumentContext(Guid id, Guid campaignId, string kind, string contentType) =>
        Encoding.UTF8.GetBytes($"moatown.vault.document|{id:N}|{campaignId:N}|{kind}|{contentType}");

    private static byte[] DataKeyContext(Guid id, Guid campaignId) =>
        Encoding.UTF8.GetBytes($"moatown.vault.data-key|{campaignId:N}|{id:N}");

    // A security event: ids only, never content or key material.
    [LoggerMessage(EventId = 5101, Level = LogLevel.Critical, EventName = "VaultIntegrityFailure",
        Message = "Security: document {DocumentId} of campaign {CampaignId} failed its integrity check on a read by {Actor}; it was not returned")]
    private partial void LogIntegrityFailure(Guid documentId, Guid campaignId, string actor);
}
