namespace Moatown.Notifications.Sending;

/// <summary>
/// Wakes this process's sender when it queues a message, so a verification code leaves in
/// milliseconds instead of at the next poll. Messages queued by other replicas are found by polling.
/// </summary>
public sealed class SendingSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        if (_pending.CurrentCount == 0)
        {
            try { _pending.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _pending.WaitAsync(timeout, cancellationToken);
}
