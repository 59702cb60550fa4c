using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Moatown.Notifications.Model;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<KnownCampaign> KnownCampaigns => Set<KnownCampaign>();
    public DbSet<OutgoingMessage> OutgoingMessages => Set<OutgoingMessage>();
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
            campaign.Property(c => c.Organizer).HasColumnName("organizer").HasMaxLength(200);
            campaign.Property(c => c.LearnedAt).HasColumnName("learned_at");
        });
        modelBuilder.Entity<OutgoingMessage>(message =>
        {
            message.ToTable("outgoing_messages");
            message.HasKey(m => m.Id);
            message.Property(m => m.Id).HasColumnName("id");
            message.Property(m => m.IdempotencyKey).HasColumnName("idempotency_key").HasMaxLength(200);
            message.Property(m => m.CampaignId).HasColumnName("campaign_id");
            message.Property(m => m.HolderId).HasColumnName("holder_id");
            message.Property(m => m.Purpose).HasColumnName("purpose").HasMaxLength(50);
            message.Property(m => m.TemplateId).HasColumnName("template_id").HasMaxLength(50);
            message.Property(m => m.TemplateVersion).HasColumnName("template_version");
            message.Property(m => m.RecipientPhone).HasColumnName("recipient_phone");
            message.Property(m => m.RecipientPhoneIndex).HasColumnName("recipient_phone_index").HasMaxLength(64);
            message.Property(m => m.Text).HasColumnName("text");
            message.Property(m => m.Kind).HasColumnName("kind").HasMaxLength(10).HasConversion(LowerCase<MessageKind>());
            message.Property(m => m.Status).HasColumnName("status").HasMaxLength(20).HasConversion(LowerCase<MessageStatus>());
            message.Property(m => m.Attempts).HasColumnName("attempts");
            message.Property(m => m.QueuedAt).HasColumnName("queued_at");
            message.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            message.Property(m => m.SentAt).HasColumnName("sent_at");
            message.Property(m => m.DeliveredAt).HasColumnName("delivered_at");
            message.Property(m => m.FailedAt).HasColumnName("failed_at");
            message.Property(m => m.Provider).HasColumnName("provider").HasMaxLength(50);
            message.Property(m => m.ProviderMessageId).HasColumnName("provider_message_id").HasMaxLength(200);
            message.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(500);

            message.HasIndex(m => m.IdempotencyKey).IsUnique().HasDatabaseName("ux_outgoing_messages_idempotency_key");
            // The sender only ever looks for queued rows that are due.
            message.HasIndex(m => new { m.NextAttemptAt, m.Id }).HasFilter("status = 'queued'")
                .HasDatabaseName("ix_outgoing_messages_due");
            // The throttle counts a number's recent sends.
            message.HasIndex(m => new { m.RecipientPhoneIndex, m.SentAt }).HasDatabaseName("ix_outgoing_messages_phone_sent");
            message.HasIndex(m => new { m.Provider, m.ProviderMessageId }).HasDatabaseName("ix_outgoing_messages_provider_id");
            message.HasIndex(m => new { m.CampaignId, m.HolderId }).HasDatabaseName("ix_outgoing_messages_campaign_holder");
        });
        modelBuilder.MapOutboxAndInbox();
    }

    /// <summary>Enum values stored as lower-case words ("queued"), as the sender's SQL reads them.</summary>
    private static ValueConverter<T, string> LowerCase<T>() where T : struct, Enum =>
        new(v => v.ToString().ToLowerInvariant(), v => Enum.Parse<T>(v, true));
}
