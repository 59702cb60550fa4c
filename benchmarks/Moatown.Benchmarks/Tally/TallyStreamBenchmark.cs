using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Moatown.Benchmarks.Import;
using Moatown.Benchmarks.Results;

namespace Moatown.Benchmarks.Tally;

/// <summary>
/// Staff watching the live tally while consents arrive at 50 per second: paper consents posted on
/// a steady clock to an open campaign on the 100,000-holder roll, and several clients connected to
/// its tally stream. For each consent, the time from sending it to the first stream event that
/// includes it (event id = ledger sequence), on every client.
/// </summary>
public sealed class TallyStreamBenchmark : IBenchmark
{
    private const int ConsentsPerSecond = 50;
    private const int Consents = 1_000;
    private const int StreamClients = 3;
    private const string FigureName = "Tally stream: consent visible to a connected client at 50/s";

    public string Name => "tally stream";

    public async Task<BenchmarkOutcome> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var roll = RollGenerator.Generate(RollImportBenchmark.Holders);
        await using var system = await HostedSystem.StartAsync(cancellationToken);
        var campaignId = await system.CampaignsClient.CreateCampaignAsync("벤치마크 실시간 집계", cancellationToken);
        await system.CampaignsClient.ImportRollAsync(campaignId, roll.Csv, cancellationToken);
        await system.CampaignsClient.OpenAsync(campaignId, cancellationToken);
        var holders = (await system.CampaignsClient.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/holders?limit={Consents}", cancellationToken))
            .EnumerateArray().Select(h => h.GetProperty("holderId").GetGuid()).Take(Consents).ToArray();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var streams = Enumerable.Range(0, StreamClients).Select(_ => new StreamClient(system, campaignId)).ToArray();
        var reading = streams.Select(s => s.ReadAsync(stop.Token)).ToArray();
        foreach (var stream in streams) await stream.FirstEvent.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);

        var sent = new ConcurrentBag<(long Sequence, long SentAt, long AnsweredAt)>();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var posts = new List<Task>(Consents);
        for (var i = 0; i < Consents; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / ConsentsPerSecond);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, cancellationToken);
            var holderId = holders[i];
            var reference = $"bench-{i:D5}";
            posts.Add(Task.Run(async () =>
            {
                var sentAt = Stopwatch.GetTimestamp();
                using var response = await system.CampaignsClient.PostAsJsonAsync($"/api/campaigns/{campaignId}/paper-consents",
                    new { holderId, reference }, cancellationToken);
                var answeredAt = Stopwatch.GetTimestamp();
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref failures);
                    return;
                }
                var sequence = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("sequence").GetInt64();
                sent.Add((sequence, sentAt, answeredAt));
            }, cancellationToken));
        }
        await Task.WhenAll(posts);
        var sendingSeconds = clock.Elapsed.TotalSeconds;
        // The last consents need their events too.
        var last = sent.Max(s => s.Sequence);
        foreach (var stream in streams) await stream.Reached(last).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(reading);

        var visible = new List<TimeSpan>();
        var unseen = 0;
        foreach (var (sequence, sentAt, _) in sent)
            foreach (var stream in streams)
            {
                if (stream.FirstAtOrAfter(sequence) is { } seenAt) visible.Add(Stopwatch.GetElapsedTime(sentAt, seenAt));
                else unseen++;
            }
        var answered = sent.Select(s => Stopwatch.GetElapsedTime(s.SentAt, s.AnsweredAt)).ToList();
        var figure = new Figure(FigureName, "POST paper-consent sent → first tally event with its sequence, on each stream client", 1_000, Measurement.Of(visible), HeldAtP99: true);
        var answer = Measurement.Of(answered);
        var details = new List<Detail>
        {
            new(FigureName, "visible on the stream, median", figure.Measured.MedianMs),
            new(FigureName, "visible on the stream, p95", figure.Measured.P95Ms),
            new(FigureName, "visible on the stream, p99", figure.Measured.P99Ms),
            new(FigureName, "the POST's own answer (201), median", answer.MedianMs),
            new(FigureName, "the POST's own answer (201), p99", answer.P99Ms),
        };
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Tally stream: {Consents:N0} paper consents of distinct holders sent at {ConsentsPerSecond}/s (achieved {Consents / sendingSeconds:F1}/s) to an open campaign on the {roll.Holders:N0}-holder roll; {StreamClients} stream clients over loopback; {figure.Measured.Samples:N0} (consent, client) pairs."),
            $"Tally stream: failed POSTs {failures}, consents never seen on a stream {unseen}; stream events received {string.Join(", ", streams.Select(s => s.Events))} (several consents can share one event).",
        };
        if (failures > 0 || unseen > 0)
            throw new InvalidOperationException($"{failures} consents failed and {unseen} were never seen on a stream: the figure would be meaningless.");
        return new BenchmarkOutcome([figure], details, notes);
    }

    /// <summary>One staff member's dashboard: reads the stream and notes when each sequence arrived.</summary>
    private sealed class StreamClient(HostedSystem system, Guid campaignId)
    {
        private readonly List<(long Sequence, long At)> seen = [];
        private readonly TaskCompletionSource first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentDictionary<long, TaskCompletionSource> waits = new();

        public Task FirstEvent => first.Task;
        public int Events { get { lock (seen) return seen.Count; } }

        public Task Reached(long sequence)
        {
            lock (seen)
            {
                if (seen.Count > 0 && seen[^1].Sequence >= sequence) return Task.CompletedTask;
                return waits.GetOrAdd(sequence, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }
        }

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
            using var client = new HttpClient { BaseAddress = system.CampaignsClient.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
            client.DefaultRequestHeaders.Authorization = system.CampaignsClient.DefaultRequestHeaders.Authorization;
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/campaigns/{campaignId}/tally/stream");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                response.EnsureSuccessStatusCode();
                await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync(cancellationToken)).EnumerateAsync(cancellationToken))
                {
                    var at = Stopwatch.GetTimestamp();
                    var sequence = long.Parse(item.EventId!, CultureInfo.InvariantCulture);
                    lock (seen)
                    {
                        seen.Add((sequence, at));
                        foreach (var (waited, signal) in waits)
                            if (waited <= sequence && waits.TryRemove(waited, out _)) signal.TrySetResult();
                    }
                    first.TrySetResult();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The run is over.
            }
        }
    }
}
