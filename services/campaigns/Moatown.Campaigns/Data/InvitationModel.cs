using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Model;

namespace Moatown.Campaigns.Data;

internal static class InvitationModel
{
    public static void MapInvitations(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("invitations");
            invitation.HasKey(i => i.Id);
            invitation.Property(i => i.Id).HasColumnName("id");
            invitation.Property(i => i.CampaignId).HasColumnName("campaign_id");
            invitation.Property(i => i.HolderId).HasColumnName("holder_id");
            invitation.Property(i => i.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
            invitation.Property(i => i.TokenHash).HasColumnName("token_hash").HasMaxLength(64);
            invitation.Property(i => i.TokenProtected).HasColumnName("token_protected");
            invitation.Property(i => i.IssuedAt).HasColumnName("issued_at");
            invitation.Property(i => i.ExpiresAt).HasColumnName("expires_at");
            invitation.Property(i => i.IssuedBy).HasColumnName("issued_by").HasMaxLength(200);
            invitation.Property(i => i.RevokedAt).HasColumnName("revoked_at");
            invitation.Property(i => i.OpenedAt).HasColumnName("opened_at");
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.HasIndex(i => new { i.CampaignId, i.HolderId });
            invitation.HasOne<Campaign>().WithMany().HasForeignKey(i => i.CampaignId);
            invitation.HasOne<Holder>().WithMany().HasForeignKey(i => i.HolderId);
        });
    }
}
