using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.Documents.Data;
using Moatown.Documents.Sealing;
using Moatown.Documents.Vault;
using Org.BouncyCastle.OpenSsl;

namespace Moatown.Documents.Packages;

/// <summary>
/// One ZIP per campaign for the district office: every sealed consent and withdrawal, a pseudonymous
/// roster, the tally and its explanation, the seal roots, and a manifest of every file's SHA-256
/// signed by the provider's seal. Entries come in a fixed order with the package's own time, so the
/// same contents make the same archive layout.
/// </summary>
public sealed class SubmissionPackage(
    DocumentsDbContext db, DocumentVault vault, SealingKeys keys, TallyExplanations tallies, TimeProvider time)
{
    public const string RosterFileName = "roster.csv";
    public const string TallyFileName = "tally.json";
    public const string ExplanationFileName = "explanation.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The package, or null when campaigns knows no such campaign.</summary>
    /// <exception cref="CampaignShreddedException">The campaign's documents were shredded.</exception>
    /// <exception cref="DocumentIntegrityException">A document failed its integrity check; no package is made.</exception>
    public async Task<byte[]?> BuildAsync(Guid campaignId, string requestedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        var tally = await tallies.GetAsync(campaignId, cancellationToken);
        if (tally is null)
        {
            return null;
        }
        var createdAt = time.GetUtcNow();
        var reader = new VaultReader(requestedBy, VaultActions.Package, "submission package");
        var jobs = await db.SealJobs.AsNoTracking()
            .Where(j => j.CampaignId == campaignId && j.DocumentId != null && j.SealedAt != null)
            .OrderBy(j => j.QueuedAt).ThenBy(j => j.ConsentId)
            .ToListAsync(cancellationToken);

        var files = new List<(string Path, byte[] Content)>();
        var rows = new List<RosterRow>();
        foreach (var job in jobs)
        {
            var document = await vault.ReadAsync(job.DocumentId!.Value, reader, cancellationToken)
                ?? throw new InvalidOperationException($"Sealed document {job.DocumentId} of consent {job.ConsentId} is not in the vault.");
            var path = $"consents/{job.ConsentId}-{job.Kind}.pdf";
            files.Add((path, document.Content));
            rows.Add(new RosterRow(job.ConsentId, job.Kind, job.HolderId, job.QueuedAt, job.SealedAt!.Value,
                SealTimes.TimestampOf(document.Content), path, document.Metadata.Sha256));
        }

        // The order in the archive: the explanatory files first, then the documents in path order.
        List<(string Path, byte[] Content)> entries =
        [
            (PackageReadme.FileName, Encoding.UTF8.GetBytes(PackageReadme.Text(campaignId, createdAt))),
            (PackageReadme.SealRootsFileName, SealRootsPem()),
            (RosterFileName, RosterCsv.Write(rows)),
            (TallyFileName, JsonSerializer.SerializeToUtf8Bytes(tally.Tally, Indented)),
            (ExplanationFileName, JsonSerializer.SerializeToUtf8Bytes(tally.Explanation, Indented)),
            .. files.OrderBy(f => f.Path, StringComparer.Ordinal),
        ];
        var manifest = new PackageManifest(PackageManifest.FormatName, campaignId, createdAt, requestedBy,
            [.. entries.Select(e => ManifestFile.Of(e.Path, e.Content))]).ToJson();
        entries.Add((PackageManifest.FileName, manifest));
        entries.Add((PackageManifest.SignatureFileName, ManifestSignature.Sign(manifest, keys.Seal)));

        await vault.RecordPackageAsync(campaignId, requestedBy, $"{files.Count} documents", cancellationToken);
        return Zip(entries, createdAt);
    }

    private byte[] SealRootsPem()
    {
        var text = new StringWriter();
        var writer = new PemWriter(text);
        foreach (var root in keys.SealRoots)
        {
            writer.WriteObject(root);
        }
        writer.Writer.Flush();
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static byte[] Zip(IEnumerable<(string Path, byte[] Content)> entries, DateTimeOffset at)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in entries)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = at;
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return output.ToArray();
    }
}
