using Microsoft.EntityFrameworkCore;
using Moatown.Documents.Consents;
using Moatown.Documents.Forms;
using Moatown.Documents.Vault;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Documents.Data;

/// <summary>
/// The documents service's own database: the encrypted vault (documents, campaign keys, audit), the
/// owners' rendered forms, the queue of submissions to seal, and the outbox and inbox of its events.
/// </summary>
public sealed class DocumentsDbContext(DbContextOptions<DocumentsDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<EncryptedDocument> Documents => Set<EncryptedDocument>();
    public DbSet<CampaignKey> CampaignKeys => Set<CampaignKey>();
    public DbSet<VaultAuditEntry> VaultAudit => Set<VaultAuditEntry>();
    public DbSet<RenderedFormRecord> RenderedForms => Set<RenderedFormRecord>();
    public DbSet<SealJob> SealJobs => Set<SealJob>();
    public DbSet<KnownCampaign> KnownCampaigns => Set<KnownCampaign>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapOutboxAndInbox();
        modelBuilder.MapVault();
        modelBuilder.MapRenderedForms();
        modelBuilder.MapSealingQueue();
        modelBuilder.MapKnownCampaigns();
    }
}
