using Microsoft.EntityFrameworkCore;
using Moatown.Documents.Data;
using Moatown.Documents.Sealing;

namespace Moatown.Documents.Consents;

/// <summary>
/// For the public verification: which campaign and consent a sealed document is, found by the SHA-256 of
/// its exact bytes, and whether that consent still stands — "valid", "withdrawn" (a withdrawal of the same
/// holder was sealed after it) or "withdrawal" (the document is itself a withdrawal).
/// </summary>
public sealed class SealedConsentLookup(IServiceScopeFactory scopes) : IConsentLookup
{
    public async Task<ConsentReference?> FindBySha256Async(string sha256, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocumentsDbContext>();
        var job = await db.SealJobs.AsNoTracking()
            .Where(j => j.DocumentId != null && db.Documents.Any(d => d.Id == j.DocumentId && d.Sha256 == sha256))
            .FirstOrDefaultAsync(cancellationToken);
        if (job is null)
        {
            return null;
        }
        if (job.Kind == "withdrawal")
        {
            return new ConsentReference(job.CampaignId, job.ConsentId, "withdrawal");
        }
        var withdrawn = await db.SealJobs.AsNoTracking().AnyAsync(j => j.CampaignId == job.CampaignId && j.HolderId == job.HolderId
            && j.Kind == "withdrawal" && j.SealedAt != null && j.QueuedAt > job.QueuedAt, cancellationToken);
        return new ConsentReference(job.CampaignId, job.ConsentId, withdrawn ? "withdrawn" : "valid");
    }
}
