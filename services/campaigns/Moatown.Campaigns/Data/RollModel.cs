using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Model;

namespace Moatown.Campaigns.Data;

internal static class RollModel
{
    public static void MapRoll(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Holder>(holder =>
        {
            holder.ToTable("holders");
            holder.HasKey(h => h.Id);
            holder.Property(h => h.Id).HasColumnName("id");
            holder.Property(h => h.CampaignId).HasColumnName("campaign_id");
            holder.Property(h => h.KeyIndex).HasColumnName("key_index").HasMaxLength(64);
            holder.Property(h => h.FirstSeenAt).HasColumnName("first_seen_at");
            holder.Property(h => h.VerifiedAt).HasColumnName("verified_at");
            holder.Property(h => h.VerificationMethod).HasColumnName("verification_method").HasMaxLength(50);
            holder.HasIndex(h => new { h.CampaignId, h.KeyIndex }).IsUnique();
        });

        modelBuilder.Entity<RollVersionRecord>(version =>
        {
            version.ToTable("roll_versions");
            version.HasKey(v => v.Id);
            version.Property(v => v.Id).HasColumnName("id");
            version.Property(v => v.CampaignId).HasColumnName("campaign_id");
            version.Property(v => v.Version).HasColumnName("version").HasMaxLength(71);
            version.Property(v => v.ImportedAt).HasColumnName("imported_at");
            version.Property(v => v.ImportedBy).HasColumnName("imported_by").HasMaxLength(200);
            version.Property(v => v.Rows).HasColumnName("rows");
            version.Property(v => v.Properties).HasColumnName("properties");
            version.Property(v => v.Holders).HasColumnName("holders");
            version.Property(v => v.Warnings).HasColumnName("warnings");
            version.Property(v => v.IsCurrent).HasColumnName("is_current");
            // At most one version in force per campaign, enforced by the database itself.
            version.HasIndex(v => v.CampaignId).IsUnique().HasFilter("is_current").HasDatabaseName("ux_roll_versions_current");
            version.HasOne<Campaign>().WithMany().HasForeignKey(v => v.CampaignId);
        });

        modelBuilder.Entity<RollEntry>(entry =>
        {
            entry.ToTable("roll_entries");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            entry.Property(e => e.RollVersionId).HasColumnName("roll_version_id");
            entry.Property(e => e.HolderId).HasColumnName("holder_id");
            entry.Property(e => e.Line).HasColumnName("line");
            entry.Property(e => e.PropertyId).HasColumnName("property_id").HasMaxLength(100);
            entry.Property(e => e.PropertyKind).HasColumnName("property_kind").HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.LotNumber).HasColumnName("lot_number").HasMaxLength(200);
            entry.Property(e => e.LandAreaM2).HasColumnName("land_area_m2").HasPrecision(14, 4);
            entry.Property(e => e.Share).HasColumnName("share").HasMaxLength(100);
            entry.Property(e => e.IsRepresentative).HasColumnName("is_representative");
            entry.Property(e => e.OwnerType).HasColumnName("owner_type").HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.ManagingAuthority).HasColumnName("managing_authority").HasMaxLength(200);
            entry.Property(e => e.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.OwnerIdProtected).HasColumnName("owner_id_protected");
            entry.Property(e => e.OwnerNameProtected).HasColumnName("owner_name_protected");
            entry.Property(e => e.BirthDateProtected).HasColumnName("birth_date_protected");
            entry.Property(e => e.PhoneProtected).HasColumnName("phone_protected");
            entry.Property(e => e.AddressProtected).HasColumnName("address_protected");
            entry.Property(e => e.PersonIndex).HasColumnName("person_index").HasMaxLength(64);
            entry.Property(e => e.ContactIndex).HasColumnName("contact_index").HasMaxLength(64);
            entry.HasIndex(e => e.RollVersionId);
            entry.HasIndex(e => new { e.RollVersionId, e.PersonIndex }).HasFilter("person_index IS NOT NULL");
            entry.HasIndex(e => new { e.RollVersionId, e.ContactIndex }).HasFilter("contact_index IS NOT NULL");
            entry.HasIndex(e => e.HolderId);
            // No foreign keys here: a roll's rows are written only by the import, in the transaction
            // that creates their version and holders, and a per-row referential check made the
            // 180,000-row COPY of a 100,000-holder roll several seconds slower.
        });
    }
}
