using Microsoft.EntityFrameworkCore;
using Moatown.Documents.Vault;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Documents.Data;

/// <summary>
/// The documents service's own database. For now it holds only the outbox and inbox that its
/// events will travel through; its domain tables arrive with the documents issue.
/// </summary>
public sealed class DocumentsDbContext(DbContextOptions<DocumentsDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<EncryptedDocument> Documents => Set<EncryptedDocument>();
    public DbSet<CampaignKey> CampaignKeys => Set<CampaignKey>();
    public DbSet<VaultAuditEntry> VaultAudit => Set<VaultAuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapOutboxAndInbox();
        modelBuilder.MapVault();
    }
}
