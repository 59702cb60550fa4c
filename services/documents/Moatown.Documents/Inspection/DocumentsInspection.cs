using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moatown.Documents.Data;
using Moatown.Documents.Sealing;
using Moatown.Documents.Vault;
using Moatown.ServiceDefaults.Inspection;

namespace Moatown.Documents.Inspection;

/// <summary>The vault's part of the inspection: its keys, the seal and TSA certificates, and documents stuck before sealing.</summary>
internal sealed class DocumentsInspection(DocumentsDbContext db, IOptions<VaultOptions> vault, SealingKeys keys, TimeProvider time)
    : IInspectionContributor
{
    /// <summary>A seal job older than this and still failing is worth a warning (the queue retries on its own before).</summary>
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(30);

    public async Task ContributeAsync(InspectionFindings findings, CancellationToken cancellationToken)
    {
        var lastRotation = await db.VaultAudit.Where(e => e.Action == VaultActions.Rotate)
            .MaxAsync(e => (DateTimeOffset?)e.At, cancellationToken);
        foreach (var id in vault.Value.MasterKeys.Keys.Order(StringComparer.Ordinal))
        {
            findings.Keys.Add(new KeyStatus("vault-master", id, id == vault.Value.ActiveMasterKey, null,
                id == vault.Value.ActiveMasterKey ? lastRotation : null,
                id == vault.Value.ActiveMasterKey && lastRotation is null ? "never rotated" : null));
        }
        var campaignKeys = await db.CampaignKeys.Where(k => k.ShreddedAt == null)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Oldest = g.Min(k => k.CreatedAt), LastRotated = g.Max(k => k.RotatedAt) })
            .FirstOrDefaultAsync(cancellationToken);
        if (campaignKeys is not null)
        {
            findings.Keys.Add(new KeyStatus("vault-campaign-keys", $"{campaignKeys.Count} campaign keys", true, campaignKeys.Oldest,
                campaignKeys.LastRotated, "one per campaign, wrapped by the active master key"));
        }

        var documents = await db.Documents.CountAsync(cancellationToken);
        findings.Stores.Add(new EncryptedStore("documents", "ciphertext", "sealed consent and withdrawal documents",
            "AES-256-GCM (a key per document, wrapped by its campaign's key)", documents, documents,
            new Dictionary<string, long> { ["per-document keys"] = documents }));

        findings.Certificates.Add(Certificate("seal", keys.Seal.Certificate));
        findings.Certificates.Add(Certificate("seal root", keys.Seal.Root));
        if (keys.BuiltInTsa is { } tsa)
        {
            findings.Certificates.Add(Certificate("built-in TSA", tsa.Certificate));
        }

        var stuckBefore = time.GetUtcNow() - StuckAfter;
        var stuck = await db.SealJobs.CountAsync(j => j.SealedAt == null && j.LastError != null && j.QueuedAt < stuckBefore, cancellationToken);
        if (stuck > 0)
        {
            findings.Warnings.Add($"{stuck} signed documents have kept failing to seal for more than {StuckAfter.TotalMinutes:0} minutes (seal_jobs.last_error).");
        }
    }

    private static CertificateStatus Certificate(string name, Org.BouncyCastle.X509.X509Certificate certificate) =>
        new(name, certificate.SubjectDN.ToString(), new DateTimeOffset(certificate.NotBefore.ToUniversalTime()),
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
}
