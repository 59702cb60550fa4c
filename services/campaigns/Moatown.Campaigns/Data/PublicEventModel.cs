using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Model;

namespace Moatown.Campaigns.Data;

internal static class PublicEventModel
{
    public static void MapPublicEvents(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PublicEventRecord>(e =>
        {
            e.ToTable("public_events");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id");
            e.Property(r => r.CampaignId).HasColumnName("campaign_id");
            e.Property(r => r.Sequence).HasColumnName("sequence");
            e.Property(r => r.TransactionId).HasColumnName("transaction_id").HasColumnType("xid8")
                .HasDefaultValueSql("pg_current_xact_id()").ValueGeneratedOnAdd();
            e.Property(r => r.Type).HasColumnName("type").HasMaxLength(100);
            e.Property(r => r.Major).HasColumnName("major");
            e.Property(r => r.District).HasColumnName("district").HasMaxLength(50);
            e.Property(r => r.DistrictCode).HasColumnName("district_code").HasMaxLength(200);
            e.Property(r => r.OccurredAt).HasColumnName("occurred_at");
            // json, not jsonb: the text is kept as written, so backfill serves the bytes the queue carried.
            e.Property(r => r.CloudEvent).HasColumnName("cloud_event").HasColumnType("json");
            e.Property(r => r.PublishedAt).HasColumnName("published_at");
            e.HasIndex(r => new { r.CampaignId, r.Sequence }).IsUnique();
            // Backfill reads everything in this order; the relay only what is unpublished.
            e.HasIndex(r => new { r.TransactionId, r.CampaignId, r.Sequence }, "ix_public_events_order");
            e.HasIndex(r => new { r.TransactionId, r.CampaignId, r.Sequence }, "ix_public_events_unpublished")
                .HasFilter("published_at IS NULL");
            e.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
