namespace Moatown.ServiceDefaults.Hosting;

/// <summary>
/// Wakes a polling background loop of this process at once when there is work, instead of at its
/// next poll. Signals coalesce: many notifications before the loop looks are one wake-up. Work made
/// by other replicas is still found by polling.
/// </summary>
public class WakeUpSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        if (_pending.CurrentCount == 0)
        {
            try { _pending.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    /// <summary>True when woken, false when the timeout (the poll interval) passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _pending.WaitAsync(timeout, cancellationToken);
}
