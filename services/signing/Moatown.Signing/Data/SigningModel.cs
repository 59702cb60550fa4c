using Microsoft.EntityFrameworkCore;
using Moatown.Signing.Model;

namespace Moatown.Signing.Data;

internal static class SigningModel
{
    public static void MapSigning(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Consent>(consent =>
        {
            consent.ToTable("consents");
            consent.HasKey(c => c.Id);
            consent.Property(c => c.Id).HasColumnName("id");
            consent.Property(c => c.CampaignId).HasColumnName("campaign_id");
            consent.Property(c => c.HolderId).HasColumnName("holder_id");
            consent.Property(c => c.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
            consent.Property(c => c.IdempotencyKeyHash).HasColumnName("idempotency_key_hash").HasMaxLength(64);
            consent.Property(c => c.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            consent.Property(c => c.FormDocumentId).HasColumnName("form_document_id");
            consent.Property(c => c.FormSha256).HasColumnName("form_sha256").HasMaxLength(64);
            consent.Property(c => c.AgreedItems).HasColumnName("agreed_items");
            consent.Property(c => c.SignatureProtected).HasColumnName("signature_protected");
            consent.Property(c => c.EvidenceProtected).HasColumnName("evidence_protected");
            consent.Property(c => c.SubmittedAt).HasColumnName("submitted_at");
            consent.Property(c => c.SealedAt).HasColumnName("sealed_at");
            consent.Property(c => c.DocumentId).HasColumnName("document_id");
            consent.Property(c => c.DocumentHash).HasColumnName("document_hash").HasMaxLength(80);
            consent.Property(c => c.TimestampedAt).HasColumnName("timestamped_at");
            consent.Property(c => c.WithdrawsConsentId).HasColumnName("withdraws_consent_id");
            // The same submission (client key) of a holder is stored once, whatever the race.
            consent.HasIndex(c => new { c.CampaignId, c.HolderId, c.IdempotencyKeyHash }).IsUnique();
            consent.HasIndex(c => new { c.CampaignId, c.HolderId, c.SubmittedAt });
        });

        modelBuilder.Entity<FormReview>(review =>
        {
            review.ToTable("form_reviews");
            review.HasKey(r => r.Id);
            review.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            review.Property(r => r.CampaignId).HasColumnName("campaign_id");
            review.Property(r => r.HolderId).HasColumnName("holder_id");
            review.Property(r => r.FormDocumentId).HasColumnName("form_document_id");
            review.Property(r => r.FormSha256).HasColumnName("form_sha256").HasMaxLength(64);
            review.Property(r => r.ViewedAt).HasColumnName("viewed_at");
            review.Property(r => r.StatutoryItemCount).HasColumnName("statutory_item_count");
            review.HasIndex(r => new { r.CampaignId, r.HolderId, r.ViewedAt });
        });
    }
}
