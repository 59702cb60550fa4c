using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Moatown.ServiceDefaults.Messaging;

public static class Inbox
{
    /// <summary>
    /// Runs a consumer's change at most once per message: the inbox row and the change commit
    /// together, and a message id already in the inbox is skipped. Returns false for a duplicate.
    /// A concurrent duplicate loses on the primary key, throws, and is retried into the skip.
    /// </summary>
    public static async Task<bool> HandleOnceAsync<TContext>(
        this TContext db,
        ConsumeContext message,
        string consumer,
        Func<CancellationToken, Task> change)
        where TContext : DbContext, IMessagingDbContext
    {
        var messageId = message.MessageId
            ?? throw new InvalidOperationException("Message without an id cannot be deduplicated.");
        var cancellationToken = message.CancellationToken;
        var strategy = db.Database.CreateExecutionStrategy();

        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var seen = await db.InboxMessages.AnyAsync(
                m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken);
            if (seen)
            {
                MessagingTelemetry.Duplicates.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
                return false;
            }

            await change(cancellationToken);
            db.InboxMessages.Add(new InboxMessage
            {
                MessageId = messageId,
                Consumer = consumer,
                ProcessedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            MessagingTelemetry.Processed.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
            return true;
        });
    }
}
