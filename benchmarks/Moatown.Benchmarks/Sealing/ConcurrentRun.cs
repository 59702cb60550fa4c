using System.Collections.Concurrent;
using System.Diagnostics;

namespace Moatown.Benchmarks.Sealing;

/// <summary>
/// A fixed number of workers each doing one operation after another for a fixed time: the rate is
/// the operations completed over the time, with every operation's own latency kept.
/// </summary>
public static class ConcurrentRun
{
    public sealed record Result(int Workers, int Operations, TimeSpan Elapsed, IReadOnlyCollection<TimeSpan> Latencies)
    {
        public double PerSecond => Operations / Elapsed.TotalSeconds;
    }

    public static async Task<Result> RunAsync(int workers, TimeSpan duration, Func<CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<TimeSpan>();
        var clock = Stopwatch.StartNew();
        // Task.Run: a synchronous operation (the raw crypto) must not run every worker on this thread.
        var running = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            // An operation started before the end is finished and counted; the clock stops after the last.
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started));
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(running);
        clock.Stop();
        return new Result(workers, latencies.Count, clock.Elapsed, latencies);
    }
}
