using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Moatown.Benchmarks.Import;

namespace Moatown.Benchmarks.WholeSystem;

/// <summary>
/// Simulated residents signing through the gateway against the whole system. Before the clock: an
/// organizer opens a campaign on a generated roll and invites a pool of owners by text (the launch).
/// Then a fixed number of residents at once, each one owner after another, as long as the phase lasts:
/// open the personal link (verify-request), wait for the code text, send the code, read the form, sign
/// (the 202). Two staff dashboards watch the live tally through the gateway meanwhile; once every
/// consent has reached the ledger, each one's freshness is the time from its 202 to the first tally
/// event whose sequence includes its ledger entry.
/// </summary>
public sealed partial class ResidentLoad(WholeSystem system, LoadSettings settings)
{
    public static readonly string[] Steps = ["verify-request", "code text (SMS sink)", "code", "form", "sign (202)"];
    public const int WarmUpOwners = 20;

    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken)
    {
        using var campaigns = await system.AuthorizedAsync("campaigns", cancellationToken);
        // The sink is read straight from the notifications service: it is the phones, not resident traffic.
        using var notifications = await system.AuthorizedAsync("notifications", cancellationToken, resource: "notifications");
        await using var sink = new SmsSink(notifications);

        var setup = Stopwatch.StartNew();
        var roll = RollGenerator.Generate(Math.Max(1_000, (settings.Pool + WarmUpOwners) * 2));
        var campaignId = await campaigns.CreateCampaignAsync($"벤치마크 서명 부하 {system.Replicas}", cancellationToken);
        await campaigns.ImportRollAsync(campaignId, roll.Csv, cancellationToken);
        await campaigns.OpenAsync(campaignId, cancellationToken);
        var pool = await InviteAsync(campaigns, sink, campaignId, cancellationToken);
        var setupTime = setup.Elapsed;
        Console.WriteLine($"  campaign on a {roll.Holders:N0}-holder roll, {pool.Count:N0} owners invited in {setupTime.TotalSeconds:F1} s");

        // Warm-up, not counted: the first owners pay for JIT, connection pools, service tokens and fonts.
        var warmUp = Stopwatch.StartNew();
        var warmSteps = Steps.ToDictionary(s => s, _ => new ConcurrentBag<TimeSpan>());
        await Task.WhenAll(pool.Take(WarmUpOwners).Select(async owner =>
        {
            using var resident = system.CreateClient();
            try { await SignAsync(resident, sink, owner.Holder, owner.Token, warmSteps, cancellationToken); }
            catch (Exception e) when (e is ResidentFailed or HttpRequestException) { Console.WriteLine($"  warm-up: {e.Message}"); }
        }));
        pool = pool.Skip(WarmUpOwners).ToList();
        Console.WriteLine($"  warm-up: {WarmUpOwners} owners signed in {warmUp.Elapsed.TotalSeconds:F1} s");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Its own client: a stream stays open for the whole phase, beyond any request timeout.
        using var dashboards = system.CreateClient();
        dashboards.Timeout = Timeout.InfiniteTimeSpan;
        dashboards.DefaultRequestHeaders.Authorization = campaigns.DefaultRequestHeaders.Authorization;
        var watchers = Enumerable.Range(0, 2).Select(_ => new TallyWatcher(dashboards, campaignId)).ToArray();
        var reading = watchers.Select(w => w.ReadAsync(stop.Token)).ToArray();
        foreach (var watcher in watchers) await watcher.FirstEvent.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

        var memory = new ServiceMemory.Peak();
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                memory.Add(ServiceMemory.Sample());
                try { await Task.Delay(1000, stop.Token); } catch (OperationCanceledException) { }
            }
        }, cancellationToken);

        var queue = new ConcurrentQueue<(Guid Holder, string Token)>(pool);
        var steps = Steps.ToDictionary(s => s, _ => new ConcurrentBag<TimeSpan>());
        var errors = new ConcurrentDictionary<string, int>();
        var signed = new ConcurrentBag<(Guid ConsentId, long At, DateTimeOffset AcceptedAt)>();
        var cpuBefore = ProcessCpu.Sample(system.StateDirectory);
        var clock = Stopwatch.StartNew();
        var residents = Enumerable.Range(0, settings.Residents).Select(_ => Task.Run(async () =>
        {
            using var resident = system.CreateClient();
            while (clock.Elapsed < settings.Duration && queue.TryDequeue(out var owner))
            {
                try
                {
                    if (await SignAsync(resident, sink, owner.Holder, owner.Token, steps, cancellationToken) is { } consent) signed.Add(consent);
                }
                catch (ResidentFailed failed)
                {
                    errors.AddOrUpdate(failed.Message, 1, (_, n) => n + 1);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException)
                {
                    errors.AddOrUpdate($"{e.GetType().Name}: {e.Message}", 1, (_, n) => n + 1);
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(residents);
        var loadTime = clock.Elapsed;
        var cpu = ProcessCpu.Between(cpuBefore, ProcessCpu.Sample(system.StateDirectory));
        var ranOut = queue.IsEmpty && loadTime < settings.Duration;
        Console.WriteLine($"  {signed.Count:N0} consents in {loadTime.TotalSeconds:F1} s ({signed.Count / loadTime.TotalSeconds:F1}/s), errors {errors.Values.Sum()}");

        // Every accepted consent is sealed, signed and recorded in the ledger; the stream shows it.
        var drain = Stopwatch.StartNew();
        var ledger = await LedgerEntriesAsync(campaigns, campaignId, signed.Select(s => s.ConsentId).ToHashSet(), settings.DrainTimeout, cancellationToken);
        var drainTime = drain.Elapsed;
        var lastSequence = ledger.Count == 0 ? 0 : ledger.Values.Max(e => e.Sequence);
        var streamDeadline = Stopwatch.StartNew();
        while (watchers.Any(w => w.Last < lastSequence) && streamDeadline.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(100, cancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(reading);
        await sampling;

        var freshness = new List<TimeSpan>();
        var unseen = 0;
        var paths = new List<FreshnessStages.Path>();
        foreach (var (consentId, at, acceptedAt) in signed)
        {
            if (!ledger.TryGetValue(consentId, out var entry))
            {
                paths.Add(new FreshnessStages.Path(consentId, acceptedAt, null, null));
                unseen += watchers.Length;
                continue;
            }
            var firstSeen = watchers[0].FirstAtOrAfter(entry.Sequence);
            paths.Add(new FreshnessStages.Path(consentId, acceptedAt, entry.RecordedAt,
                firstSeen is { } seen ? acceptedAt + Stopwatch.GetElapsedTime(at, seen) : null));
            foreach (var watcher in watchers)
            {
                if (watcher.FirstAtOrAfter(entry.Sequence) is { } seenAt) freshness.Add(Stopwatch.GetElapsedTime(at, seenAt));
                else unseen++;
            }
        }
        var stages = await FreshnessStages.MeasureAsync(system, campaignId, paths, cancellationToken);
        return new LoadResult(settings, roll.Holders, pool.Count, setupTime, loadTime, ranOut, signed.Count,
            steps.ToDictionary(s => s.Key, s => (IReadOnlyCollection<TimeSpan>)s.Value.ToList()), errors.ToDictionary(), freshness,
            signed.Count - ledger.Count, unseen, drainTime, memory.Value, watchers.Select(w => w.Events).ToArray(), sink.Polls, cpu, stages);
    }

    /// <summary>One resident from the personal link to the 202; null when a step was refused (counted as an error).</summary>
    private static async Task<(Guid ConsentId, long At, DateTimeOffset AcceptedAt)?> SignAsync(HttpClient gateway, SmsSink sink, Guid holderId, string token,
        Dictionary<string, ConcurrentBag<TimeSpan>> steps, CancellationToken cancellationToken)
    {
        var codeText = sink.Expect(holderId, SmsSink.VerificationCode);
        var started = await Step(steps, "verify-request", HttpStatusCode.Created,
            () => gateway.PostAsJsonAsync("/api/identity/resident-verifications/link", new { token }, cancellationToken), cancellationToken);
        var challengeId = started.GetProperty("challengeId").GetGuid();

        var waiting = Stopwatch.StartNew();
        var text = await codeText.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken)
            .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default);
        if (text is null)
        {
            sink.Forget(holderId, SmsSink.VerificationCode);
            throw new ResidentFailed("code text: none in the sink within 60 s");
        }
        steps["code text (SMS sink)"].Add(waiting.Elapsed);
        var code = CodePattern().Match(text).Groups[1].Value;

        var verified = await Step(steps, "code", HttpStatusCode.OK,
            () => gateway.PostAsJsonAsync($"/api/identity/resident-verifications/{challengeId}/code", new { code }, cancellationToken), cancellationToken);
        var signer = new AuthenticationHeaderValue("Bearer", verified.GetProperty("signerToken").GetString());

        var form = await Step(steps, "form", HttpStatusCode.OK, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/signing/form") { Headers = { Authorization = signer } };
            return gateway.SendAsync(request, cancellationToken);
        }, cancellationToken);
        var items = form.GetProperty("statutoryItems").GetArrayLength();

        long at = 0;
        var acceptedAt = DateTimeOffset.MinValue;
        var accepted = await Step(steps, "sign (202)", HttpStatusCode.Accepted, async () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/signing/consents")
            {
                Headers = { Authorization = signer },
                Content = JsonContent.Create(new
                {
                    idempotencyKey = Guid.NewGuid().ToString(),
                    formSha256 = form.GetProperty("formSha256").GetString(),
                    agreedItems = Enumerable.Range(1, items),
                    signature = new { strokes = new[] { new[] { new { x = 10, y = 60 }, new { x = 120, y = 20 }, new { x = 200, y = 90 } } }, width = 300, height = 150 },
                }),
            };
            var response = await gateway.SendAsync(request, cancellationToken);
            at = Stopwatch.GetTimestamp();
            acceptedAt = DateTimeOffset.UtcNow;
            return response;
        }, cancellationToken);
        return (accepted.GetProperty("consentId").GetGuid(), at, acceptedAt);
    }

    private static async Task<JsonElement> Step(Dictionary<string, ConcurrentBag<TimeSpan>> steps, string step, HttpStatusCode expected,
        Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var response = await send();
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var elapsed = clock.Elapsed;
        if (response.StatusCode != expected)
        {
            var reason = body.Length > 0 && body[0] == '{' && JsonDocument.Parse(body).RootElement.TryGetProperty("title", out var title) ? title.GetString() : body[..Math.Min(body.Length, 120)];
            throw new ResidentFailed($"{step}: {(int)response.StatusCode} {reason}");
        }
        steps[step].Add(elapsed);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Personal links for the pool, in batches the sink reader can follow; the tokens come from the texts.</summary>
    private async Task<List<(Guid Holder, string Token)>> InviteAsync(HttpClient campaigns, SmsSink sink, Guid campaignId, CancellationToken cancellationToken)
    {
        const int Batch = 150;
        var wanted = settings.Pool + WarmUpOwners;
        var holders = (await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/holders?limit={wanted * 3}", cancellationToken))
            .EnumerateArray().Select(h => h.GetProperty("holderId").GetGuid()).Distinct().ToList();
        var pool = new List<(Guid, string)>();
        for (var offset = 0; offset < holders.Count && pool.Count < wanted; offset += Batch)
        {
            var batch = holders.Skip(offset).Take(Math.Min(Batch, wanted - pool.Count + 20)).ToList();
            var texts = batch.ToDictionary(h => h, h => sink.Expect(h, SmsSink.Invitation));
            using var response = await campaigns.PostAsJsonAsync($"/api/campaigns/{campaignId}/invitations", new { holderIds = batch }, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"Inviting answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            var issued = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("issued").EnumerateArray()
                .Select(i => i.GetProperty("holderId").GetGuid()).ToHashSet();
            foreach (var (holder, _) in texts.Where(t => !issued.Contains(t.Key))) sink.Forget(holder, SmsSink.Invitation);
            foreach (var holder in issued)
            {
                var text = await texts[holder].WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
                pool.Add((holder, LinkPattern().Match(text).Groups[1].Value));
            }
        }
        return pool.Take(wanted).ToList();
    }

    /// <summary>Consent id → its ledger entry, waiting until every consent is there or the time is up.</summary>
    private static async Task<Dictionary<Guid, (long Sequence, DateTimeOffset RecordedAt)>> LedgerEntriesAsync(HttpClient campaigns, Guid campaignId, HashSet<Guid> consents, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, (long Sequence, DateTimeOffset RecordedAt)>();
        long after = 0;
        var clock = Stopwatch.StartNew();
        while (found.Count < consents.Count && clock.Elapsed < timeout)
        {
            var page = await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/ledger?after={after}&limit=5000", cancellationToken);
            var entries = page.EnumerateArray().ToList();
            foreach (var entry in entries)
            {
                after = Math.Max(after, entry.GetProperty("sequence").GetInt64());
                if (entry.TryGetProperty("reference", out var reference) && Guid.TryParse(reference.GetString(), out var consentId) && consents.Contains(consentId))
                    found[consentId] = (entry.GetProperty("sequence").GetInt64(), entry.GetProperty("recordedAt").GetDateTimeOffset());
            }
            if (entries.Count < 5000) await Task.Delay(250, cancellationToken);
        }
        return found;
    }

    [GeneratedRegex(@"/i/([A-Za-z0-9_\-]+)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\[(\d{6})\]")]
    private static partial Regex CodePattern();

    private sealed class ResidentFailed(string message) : Exception(message);
}

/// <param name="Residents">Residents signing at once (each one owner after another).</param>
/// <param name="Pool">Owners invited before the clock; the phase ends early if they run out.</param>
public sealed record LoadSettings(int Residents, TimeSpan Duration, int Pool, TimeSpan DrainTimeout)
{
    /// <summary>The defaults fit ./moatown bench's 15 minutes; MOATOWN_BENCH_LOAD_SECONDS, _RESIDENTS and _POOL shorten a trial.</summary>
    public static LoadSettings FromEnvironment() => new(
        Setting("MOATOWN_BENCH_RESIDENTS", 24),
        TimeSpan.FromSeconds(Setting("MOATOWN_BENCH_LOAD_SECONDS", 30)),
        Setting("MOATOWN_BENCH_POOL", 750),
        // Long enough for the event hops; a sealing backlog shows in the stages and the count left, not in a longer wait.
        TimeSpan.FromSeconds(20));

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

public sealed record LoadResult(
    LoadSettings Settings, int RollHolders, int Invited, TimeSpan SetupTime, TimeSpan LoadTime, bool PoolRanOut, int Consents,
    IReadOnlyDictionary<string, IReadOnlyCollection<TimeSpan>> Steps, IReadOnlyDictionary<string, int> Errors, IReadOnlyCollection<TimeSpan> Freshness,
    int NotInLedger, int UnseenOnStream, TimeSpan DrainTime, Dictionary<string, List<double>> PeakMemoryMiB, int[] StreamEvents, int SinkPolls,
    List<(string Part, double Seconds)> CpuDuringLoad, FreshnessStages.Result Stages)
{
    public double PerSecond => Consents / LoadTime.TotalSeconds;
    public int ErrorCount => Errors.Values.Sum();
}
