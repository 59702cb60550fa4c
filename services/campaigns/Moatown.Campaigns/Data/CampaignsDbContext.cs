using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Model;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Campaigns.Data;

public sealed class CampaignsDbContext(DbContextOptions<CampaignsDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Holder> Holders => Set<Holder>();
    public DbSet<RollVersionRecord> RollVersions => Set<RollVersionRecord>();
    public DbSet<RollEntry> RollEntries => Set<RollEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
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
            campaign.HasIndex(c => c.OrganizerId);
        });
        modelBuilder.MapRoll();
        modelBuilder.MapOutboxAndInbox();
    }
}
