using Microsoft.EntityFrameworkCore;
using Moatown.ServiceDefaults.Messaging;
using Moatown.Signing.Model;

namespace Moatown.Signing.Data;

/// <summary>
/// The signing service's own database: consents and withdrawals as submitted, the forms holders
/// reviewed, and the outbox and inbox of its events.
/// </summary>
public sealed class SigningDbContext(DbContextOptions<SigningDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<FormReview> FormReviews => Set<FormReview>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapSigning();
        modelBuilder.MapOutboxAndInbox();
    }
}
