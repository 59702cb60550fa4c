using Microsoft.EntityFrameworkCore.Diagnostics;
using Moatown.ServiceDefaults.Hosting;

namespace Moatown.ServiceDefaults.Messaging;

/// <summary>
/// Wakes the relay as soon as this process commits an outbox row, so events leave in
/// milliseconds instead of waiting for the next poll. Rows written by other replicas are
/// still picked up by polling.
/// </summary>
public sealed class OutboxSignal : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly WakeUpSignal _wakeUp = new();

    public void Notify() => _wakeUp.Notify();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wakeUp.WaitAsync(timeout, cancellationToken);

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // The transaction may still be open here; an early wake-up only costs one empty query.
        if (eventData.Context is IMessagingDbContext)
        {
            Notify();
        }
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is IMessagingDbContext)
        {
            Notify();
        }
        return base.SavedChanges(eventData, result);
    }

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is IMessagingDbContext)
        {
            Notify();
        }
        return Task.CompletedTask;
    }
}
