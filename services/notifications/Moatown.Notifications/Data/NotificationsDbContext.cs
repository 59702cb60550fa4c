using Microsoft.EntityFrameworkCore;
using Moatown.Notifications.Model;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<KnownCampaign> KnownCampaigns => Set<KnownCampaign>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KnownCampaign>(campaign =>
        {
            campaign.ToTable("known_campaigns");
            campaign.HasKey(c => c.CampaignId);
            campaign.Property(c => c.CampaignId).HasColumnName("campaign_id");
            campaign.Property(c => c.Name).HasColumnName("name").HasMaxLength(200);
            campaign.Property(c => c.CreatedAt).HasColumnName("created_at");
            campaign.Property(c => c.LearnedAt).HasColumnName("learned_at");
        });
        modelBuilder.MapOutboxAndInbox();
    }
}
