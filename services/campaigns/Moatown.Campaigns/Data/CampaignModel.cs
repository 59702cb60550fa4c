using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Moatown.Campaigns.Model;

namespace Moatown.Campaigns.Data;

internal static class CampaignModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapCampaigns(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Campaign>(campaign =>
        {
            campaign.ToTable("campaigns");
            campaign.HasKey(c => c.Id);
            campaign.Property(c => c.Id).HasColumnName("id");
            campaign.Property(c => c.Name).HasColumnName("name").HasMaxLength(Campaign.MaxNameLength);
            campaign.Property(c => c.OrganizerId).HasColumnName("organizer_id").HasMaxLength(200);
            campaign.Property(c => c.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            campaign.Property(c => c.CreatedAt).HasColumnName("created_at");
            campaign.Property(c => c.UpdatedAt).HasColumnName("updated_at");
            campaign.Property(c => c.OpenedAt).HasColumnName("opened_at");
            campaign.Property(c => c.ClosedAt).HasColumnName("closed_at");
            campaign.Property(c => c.LedgerSequence).HasColumnName("ledger_sequence");
            campaign.Property(c => c.ThresholdMet).HasColumnName("threshold_met");
            campaign.Property(c => c.PublicEventSequence).HasColumnName("public_event_sequence");
            campaign.ComplexProperty(c => c.Area, area =>
            {
                area.Property(a => a.Name).HasColumnName("area_name").HasMaxLength(200);
                area.Property(a => a.District).HasColumnName("district").HasMaxLength(50);
                area.Property(a => a.Address).HasColumnName("area_address").HasMaxLength(300);
            });
            campaign.ComplexProperty(c => c.Counting, counting =>
            {
                counting.Property(r => r.RuleSet).HasColumnName("rule_set").HasMaxLength(50);
                counting.Property(r => r.OwnerThreshold).HasColumnName("owner_threshold").HasPrecision(9, 6);
                counting.Property(r => r.LandAreaThreshold).HasColumnName("land_area_threshold").HasPrecision(9, 6);
                counting.Property(r => r.GroupRule).HasColumnName("group_rule").HasConversion<string>().HasMaxLength(30);
                counting.Property(r => r.ExcludePublicLandFromArea).HasColumnName("exclude_public_land");
            });
            campaign.Property(c => c.ConsentForm).HasColumnName("consent_form").HasColumnType("jsonb")
                .HasConversion(
                    form => JsonSerializer.Serialize(form, Json),
                    json => JsonSerializer.Deserialize<ConsentFormSettings>(json, Json) ?? ConsentFormSettings.Empty,
                    new ValueComparer<ConsentFormSettings>(
                        (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                        form => JsonSerializer.Serialize(form, Json).GetHashCode(StringComparison.Ordinal),
                        form => form));
            campaign.HasIndex(c => c.OrganizerId);
        });
    }

    public static void MapLedger(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LedgerEntry>(entry =>
        {
            entry.ToTable("consent_ledger");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            entry.Property(e => e.CampaignId).HasColumnName("campaign_id");
            entry.Property(e => e.Sequence).HasColumnName("sequence");
            entry.Property(e => e.HolderId).HasColumnName("holder_id");
            entry.Property(e => e.Action).HasColumnName("action").HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.Source).HasColumnName("source").HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.At).HasColumnName("at");
            entry.Property(e => e.RecordedAt).HasColumnName("recorded_at");
            entry.Property(e => e.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
            entry.Property(e => e.Reference).HasColumnName("reference").HasMaxLength(200);
            entry.Property(e => e.DocumentHash).HasColumnName("document_hash").HasMaxLength(71);
            entry.HasIndex(e => new { e.CampaignId, e.Sequence }).IsUnique();
            // One electronic action per signing-service id: a redelivered event cannot count twice.
            entry.HasIndex(e => new { e.CampaignId, e.Source, e.Reference }).IsUnique()
                .HasFilter("source = 'Electronic'").HasDatabaseName("ux_consent_ledger_electronic_reference");
            entry.HasIndex(e => e.HolderId);
            entry.HasOne<Campaign>().WithMany().HasForeignKey(e => e.CampaignId);
            entry.HasOne<Holder>().WithMany().HasForeignKey(e => e.HolderId);
        });
    }
}
