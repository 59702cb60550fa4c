using Microsoft.EntityFrameworkCore;

namespace Moatown.Documents.Vault;

internal static class VaultModel
{
    public const int MaxKindLength = 40;
    public const int MaxContentTypeLength = 200;
    public const int MaxActorLength = 200;
    public const int MaxPurposeLength = 500;

    public static void MapVault(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EncryptedDocument>(document =>
        {
            document.ToTable("documents");
            document.HasKey(d => d.Id);
            document.Property(d => d.Id).HasColumnName("id");
            document.Property(d => d.CampaignId).HasColumnName("campaign_id");
            document.Property(d => d.Kind).HasColumnName("kind").HasMaxLength(MaxKindLength);
            document.Property(d => d.ContentType).HasColumnName("content_type").HasMaxLength(MaxContentTypeLength);
            document.Property(d => d.Length).HasColumnName("length");
            document.Property(d => d.Sha256).HasColumnName("sha256").HasMaxLength(64).IsFixedLength();
            document.Property(d => d.Ciphertext).HasColumnName("ciphertext");
            document.Property(d => d.Nonce).HasColumnName("nonce");
            document.Property(d => d.Tag).HasColumnName("tag");
            document.Property(d => d.WrappedDataKey).HasColumnName("wrapped_data_key");
            document.Property(d => d.CreatedAt).HasColumnName("created_at");
            document.HasIndex(d => d.CampaignId);
        });

        modelBuilder.Entity<CampaignKey>(key =>
        {
            key.ToTable("campaign_keys");
            key.HasKey(k => k.CampaignId);
            key.Property(k => k.CampaignId).HasColumnName("campaign_id").ValueGeneratedNever();
            key.Property(k => k.MasterKeyId).HasColumnName("master_key_id").HasMaxLength(64);
            key.Property(k => k.WrappedKey).HasColumnName("wrapped_key");
            key.Property(k => k.CreatedAt).HasColumnName("created_at");
            key.Property(k => k.RotatedAt).HasColumnName("rotated_at");
            key.Property(k => k.ShreddedAt).HasColumnName("shredded_at");
            // Rotation looks for the keys still under an older master key.
            key.HasIndex(k => k.MasterKeyId);
        });

        modelBuilder.Entity<VaultAuditEntry>(entry =>
        {
            entry.ToTable("vault_audit");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            entry.Property(e => e.At).HasColumnName("at");
            entry.Property(e => e.Actor).HasColumnName("actor").HasMaxLength(MaxActorLength);
            entry.Property(e => e.Action).HasColumnName("action").HasMaxLength(30);
            entry.Property(e => e.DocumentId).HasColumnName("document_id");
            entry.Property(e => e.CampaignId).HasColumnName("campaign_id");
            entry.Property(e => e.Outcome).HasColumnName("outcome").HasMaxLength(200);
            entry.Property(e => e.Purpose).HasColumnName("purpose").HasMaxLength(MaxPurposeLength);
            entry.HasIndex(e => e.DocumentId);
            entry.HasIndex(e => e.CampaignId);
        });
    }
}
