using Microsoft.EntityFrameworkCore;

namespace Moatown.Documents.Consents;

internal static class SealingQueueModel
{
    public static void MapSealingQueue(this ModelBuilder modelBuilder) =>
        modelBuilder.Entity<SealJob>(job =>
        {
            job.ToTable("seal_jobs");
            job.HasKey(j => j.ConsentId);
            job.Property(j => j.ConsentId).HasColumnName("consent_id");
            job.Property(j => j.CampaignId).HasColumnName("campaign_id");
            job.Property(j => j.HolderId).HasColumnName("holder_id");
            job.Property(j => j.Kind).HasColumnName("kind").HasMaxLength(20);
            job.Property(j => j.QueuedAt).HasColumnName("queued_at");
            job.Property(j => j.NextAttemptAt).HasColumnName("next_attempt_at");
            job.Property(j => j.Attempts).HasColumnName("attempts");
            job.Property(j => j.LastError).HasColumnName("last_error").HasMaxLength(200);
            job.Property(j => j.SealedAt).HasColumnName("sealed_at");
            job.Property(j => j.DocumentId).HasColumnName("document_id");
            // The worker's query: what is due and not sealed.
            job.HasIndex(j => j.NextAttemptAt).HasFilter("sealed_at IS NULL");
        });
}
