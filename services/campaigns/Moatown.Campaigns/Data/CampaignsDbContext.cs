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
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<PublicEventRecord> PublicEvents => Set<PublicEventRecord>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapCampaigns();
        modelBuilder.MapRoll();
        modelBuilder.MapLedger();
        modelBuilder.MapInvitations();
        modelBuilder.MapPublicEvents();
        modelBuilder.MapOutboxAndInbox();
    }
}
