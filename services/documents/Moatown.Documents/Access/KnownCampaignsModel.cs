using Microsoft.EntityFrameworkCore;

namespace Moatown.Documents.Access;

internal static class KnownCampaignsModel
{
    public static void MapKnownCampaigns(this ModelBuilder modelBuilder) =>
        modelBuilder.Entity<KnownCampaign>(campaign =>
        {
            campaign.ToTable("known_campaigns");
            campaign.HasKey(c => c.CampaignId);
            campaign.Property(c => c.CampaignId).HasColumnName("campaign_id").ValueGeneratedNever();
            campaign.Property(c => c.Organizer).HasColumnName("organizer").HasMaxLength(200);
            campaign.Property(c => c.District).HasColumnName("district").HasMaxLength(50);
            campaign.Property(c => c.LearnedAt).HasColumnName("learned_at");
            campaign.Property(c => c.UpdatedAt).HasColumnName("updated_at");
        });
}
