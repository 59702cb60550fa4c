using Microsoft.EntityFrameworkCore;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Signing.Data;

/// <summary>
/// The signing service's own database. For now it holds only the outbox and inbox that its
/// events will travel through; its domain tables arrive with the signing issue.
/// </summary>
public sealed class SigningDbContext(DbContextOptions<SigningDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.MapOutboxAndInbox();
}
