using Microsoft.EntityFrameworkCore;
using Moatown.Identity.Residents;
using Moatown.Identity.Staff;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Identity.Data;

/// <summary>
/// The identity database: OpenIddict's applications (OAuth clients), authorizations, scopes and
/// tokens; staff accounts; resident verification challenges and the record of the resident door; plus this service's outbox and inbox.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<VerificationChallenge> VerificationChallenges => Set<VerificationChallenge>();
    public DbSet<ResidentAccessRecord> ResidentAccessRecords => Set<ResidentAccessRecord>();
    public DbSet<ProviderSession> ProviderSessions => Set<ProviderSession>();
    public DbSet<StaffAccount> StaffAccounts => Set<StaffAccount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // On the model rather than on the options: Aspire's AddNpgsqlDbContext owns the options.
        modelBuilder.UseOpenIddict();
        modelBuilder.MapResidents();
        modelBuilder.MapStaff();
        modelBuilder.MapOutboxAndInbox();
    }
}
