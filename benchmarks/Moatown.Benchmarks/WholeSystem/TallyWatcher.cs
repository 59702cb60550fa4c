using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;

namespace Moatown.Benchmarks.WholeSystem;

/// <summary>
/// A staff member's live tally, connected through the gateway: notes when each stream event (id =
/// the ledger sequence it includes) arrived, as TallyStreamBenchmark does in process.
/// </summary>
public sealed class TallyWatcher(HttpClient campaigns, Guid campaignId)
{
    private readonly List<(long Sequence, long At)> seen = [];
    private readonly TaskCompletionSource first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstEvent => first.Task;
    public int Events { get { lock (seen) return seen.Count; } }
    public long Last { get { lock (seen) return seen.Count == 0 ? 0 : seen[^1].Sequence; } }

    /// <summary>The stopwatch timestamp of the first event that includes the sequence, if any came.</summary>
    public long? FirstAtOrAfter(long sequence)
    {
        lock (seen)
        {
            foreach (var (s, at) in seen) if (s >= sequence) return at;
            return null;
        }
    }

    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/campaigns/{campaignId}/tally/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        try
        {
            using var response = await campaigns.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync(cancellationToken)).EnumerateAsync(cancellationToken))
            {
                var at = Stopwatch.GetTimestamp();
                if (!long.TryParse(item.EventId, CultureInfo.InvariantCulture, out var sequence)) continue;
                lock (seen) seen.Add((sequence, at));
                first.TrySetResult();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            Console.WriteLine($"  tally stream ended: {e.GetType().Name}: {e.Message}");
            first.TrySetException(e);
        }
    }
}
