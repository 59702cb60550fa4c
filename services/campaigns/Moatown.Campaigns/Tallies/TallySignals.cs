using System.Collections.Concurrent;

namespace Moatown.Campaigns.Tallies;

/// <summary>
/// Wakes the tally streams of a campaign when its tally may have changed, here or in another
/// replica (see <see cref="TallyChangeListener"/>). A stream takes its signal before it reads the
/// tally, so a change between the read and the wait is never missed.
/// </summary>
public sealed class TallySignals
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> next = new();

    /// <summary>Completes at the next change of the campaign's tally.</summary>
    public Task Next(Guid campaignId) =>
        next.GetOrAdd(campaignId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Changed(Guid campaignId)
    {
        if (next.TryRemove(campaignId, out var signal))
        {
            signal.TrySetResult();
        }
    }

    /// <summary>After a lost connection nobody knows what changed: every stream looks again.</summary>
    public void AllMayHaveChanged()
    {
        foreach (var campaignId in next.Keys)
        {
            Changed(campaignId);
        }
    }
}
