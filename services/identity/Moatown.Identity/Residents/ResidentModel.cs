using Microsoft.EntityFrameworkCore;

namespace Moatown.Identity.Residents;

internal static class ResidentModel
{
    public static void MapResidents(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VerificationChallenge>(challenge =>
        {
            challenge.ToTable("verification_challenges");
            challenge.HasKey(c => c.Id);
            challenge.Property(c => c.Id).HasColumnName("id");
            challenge.Property(c => c.CampaignId).HasColumnName("campaign_id");
            challenge.Property(c => c.HolderId).HasColumnName("holder_id");
            challenge.Property(c => c.Route).HasColumnName("route").HasMaxLength(20);
            challenge.Property(c => c.InvitationId).HasColumnName("invitation_id");
            challenge.Property(c => c.CodeHash).HasColumnName("code_hash").HasMaxLength(64);
            challenge.Property(c => c.CreatedAt).HasColumnName("created_at");
            challenge.Property(c => c.ExpiresAt).HasColumnName("expires_at");
            challenge.Property(c => c.Attempts).HasColumnName("attempts");
            challenge.Property(c => c.LockedAt).HasColumnName("locked_at");
            challenge.Property(c => c.VerifiedAt).HasColumnName("verified_at");
            challenge.Property(c => c.PhoneKey).HasColumnName("phone_key").HasMaxLength(64);
            challenge.Property(c => c.ClientKey).HasColumnName("client_key").HasMaxLength(64);
            // The throttles count recent challenges by each of these.
            challenge.HasIndex(c => new { c.PhoneKey, c.CreatedAt });
            challenge.HasIndex(c => new { c.ClientKey, c.CreatedAt });
            challenge.HasIndex(c => new { c.CampaignId, c.HolderId, c.CreatedAt });
        });

        modelBuilder.Entity<ProviderSession>(session =>
        {
            session.ToTable("provider_sessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.Id).HasColumnName("id");
            session.Property(s => s.CampaignId).HasColumnName("campaign_id");
            session.Property(s => s.Provider).HasColumnName("provider").HasMaxLength(50);
            session.Property(s => s.StateHash).HasColumnName("state_hash").HasMaxLength(64);
            session.Property(s => s.Nonce).HasColumnName("nonce").HasMaxLength(64);
            session.Property(s => s.SecretHash).HasColumnName("secret_hash").HasMaxLength(64);
            session.Property(s => s.CreatedAt).HasColumnName("created_at");
            session.Property(s => s.ExpiresAt).HasColumnName("expires_at");
            session.Property(s => s.CompletedAt).HasColumnName("completed_at");
            session.Property(s => s.Outcome).HasColumnName("outcome").HasMaxLength(40);
            session.Property(s => s.HolderId).HasColumnName("holder_id");
            session.Property(s => s.RedeemedAt).HasColumnName("redeemed_at");
            session.Property(s => s.ClientKey).HasColumnName("client_key").HasMaxLength(64);
            session.HasIndex(s => s.StateHash).IsUnique();
        });

        modelBuilder.Entity<ResidentAccessRecord>(record =>
        {
            record.ToTable("resident_access_records");
            record.HasKey(r => r.Id);
            record.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            record.Property(r => r.At).HasColumnName("at");
            record.Property(r => r.Action).HasColumnName("action").HasMaxLength(40);
            record.Property(r => r.Outcome).HasColumnName("outcome").HasMaxLength(60);
            record.Property(r => r.CampaignId).HasColumnName("campaign_id");
            record.Property(r => r.HolderId).HasColumnName("holder_id");
            record.Property(r => r.ChallengeId).HasColumnName("challenge_id");
            record.Property(r => r.ClientKey).HasColumnName("client_key").HasMaxLength(64);
            record.HasIndex(r => new { r.ClientKey, r.At });
        });
    }
}
