using System.Globalization;
using Moatown.Benchmarks.Results;

namespace Moatown.Benchmarks.WholeSystem;

/// <summary>The figures of one signing load and one footprint, as the report shows them.</summary>
public static class LoadReport
{
    public const double ServiceMemoryCeilingMiB = 250;
    // The whole system runs documents with its defaults.
    private static readonly int SealingLanes = new Moatown.Documents.Consents.SealQueueOptions().Concurrency;

    public static BenchmarkOutcome Load(LoadResult load, string label)
    {
        var figures = new List<Figure>();
        foreach (var step in ResidentLoad.Steps)
        {
            if (load.Steps[step].Count == 0) continue;
            var sign = step.StartsWith("sign", StringComparison.Ordinal);
            figures.Add(new Figure($"{label}resident step: {step}", StepWhat(step), sign ? 1_000 : null, Measurement.Of(load.Steps[step]), HeldAtP99: sign));
        }
        if (load.Freshness.Count > 0)
            figures.Add(new Figure($"{label}tally freshness: sign 202 → live tally stream", "from the 202 of POST /api/signing/consents to the first tally event through the gateway that includes the consent (sealed, signed, recorded), on each of 2 dashboards",
                1_000, Measurement.Of(load.Freshness), HeldAtP99: true));

        var rates = new List<Rate>
        {
            new($"{label}consents/s end to end through the gateway", $"{load.Consents:N0} signed (202) in {load.LoadTime.TotalSeconds:F1} s by {load.Settings.Residents} residents at once", load.PerSecond, "/s", 100),
            new($"{label}resident errors", "any step answered other than expected (or no code text within 60 s)", load.ErrorCount, "errors", AtMost: 0),
            new($"{label}consents not in the ledger within {load.Settings.DrainTimeout.TotalSeconds:F0} s", "accepted (202) but not sealed and recorded in time", load.NotInLedger, "consents", AtMost: 0),
        };

        var details = new List<Detail>();
        var figureName = $"{label}consents/s end to end through the gateway";
        foreach (var step in ResidentLoad.Steps.Where(s => load.Steps[s].Count > 0))
            details.Add(new Detail(figureName, $"{step}, median per resident", Measurement.Of(load.Steps[step]).MedianMs));
        details.Add(new Detail(figureName, "after the last 202: until every consent was in the ledger (the sealing backlog)", load.DrainTime.TotalMilliseconds));
        var freshnessName = $"{label}tally freshness: sign 202 → live tally stream";
        foreach (var stage in load.Stages.Stages.Where(s => s.Spans.Count > 0))
        {
            var measured = Measurement.Of(stage.Spans);
            details.Add(new Detail(freshnessName, $"{stage.Name}: median", measured.MedianMs));
            details.Add(new Detail(freshnessName, $"{stage.Name}: p99", measured.P99Ms));
        }
        // Where the cores went while residents signed: the machine had cores × the phase's length to give.
        var capacity = Environment.ProcessorCount * load.LoadTime.TotalSeconds;
        foreach (var (part, seconds) in load.CpuDuringLoad)
            details.Add(new Detail(figureName, string.Create(CultureInfo.InvariantCulture, $"CPU of {part} during the phase ({seconds / capacity:P0} of {Environment.ProcessorCount} cores)"), seconds * 1000));

        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{label}signing load: {load.Settings.Residents} residents at once for {load.Settings.Duration.TotalSeconds:F0} s{(load.PoolRanOut ? $" (the {load.Invited:N0} invited owners ran out after {load.LoadTime.TotalSeconds:F1} s)" : "")}, each owner once: POST /api/identity/resident-verifications/link (personal link) → code from the local SMS sink → POST …/code → GET /api/signing/form → POST /api/signing/consents (202), all through the gateway; "
                + $"campaign on a generated {load.RollHolders:N0}-holder roll, {load.Invited:N0} owners invited by text before the clock ({load.SetupTime.TotalSeconds:F0} s including import and opening). "
                + $"The SMS sink is read straight from the notifications service every 100 ms ({load.SinkPolls:N0} reads), so the code-text step is at that grain. Stream events received: {string.Join(", ", load.StreamEvents)}; (consent, dashboard) pairs never seen on a stream: {load.UnseenOnStream}."),
        };
        if (load.Errors.Count > 0)
            notes.Add($"{label}errors by step and answer: {string.Join("; ", load.Errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} ×{e.Value}"))}.");
        notes.Add($"{label}sealing during the load: {FreshnessStages.Describe(load.Stages)}; the freshness stages are read afterwards from documents' seal_jobs, signing's consents and the ledger's recorded_at (one machine, one clock).");
        notes.Add($"{label}peak resident memory under the load (MiB, per process): {Memory(load.PeakMemoryMiB)}.");
        notes.Add($"{label}tally freshness spans the whole path after the 202: ConsentSubmitted (signing's outbox) → documents' sealing queue (PAdES seal, time-stamp, vault) → ConsentSealed → signing records it → ConsentSigned → campaigns' ledger and live count → the stream. When sealing is slower than signing, a backlog forms and freshness grows with the phase: the drain time after the last 202 measures it. The documents service seals in {SealingLanes} lanes per replica (Documents:Sealing:Queue:Concurrency), so sealing takes its share of the CPU with the residents' requests (see the CPU shares above).");
        return new BenchmarkOutcome(figures, details, notes, rates);
    }

    public static IEnumerable<Rate> IdleMemory(Dictionary<string, List<double>> sample, string label) =>
        sample.Where(s => s.Value.Count > 0).SelectMany(s => s.Value.Select((mib, i) => new Rate(
            $"{label}resident memory idle: {s.Key}{(s.Value.Count > 1 ? $" #{i + 1}" : "")}", "VmRSS of the service process after start, before any load", mib, "MiB", AtMost: ServiceMemoryCeilingMiB)));

    public static IEnumerable<Rate> LoadMemory(Dictionary<string, List<double>> peak, string label) =>
        peak.Where(s => s.Value.Count > 0).SelectMany(s => s.Value.Select((mib, i) => new Rate(
            $"{label}resident memory under load (peak): {s.Key}{(s.Value.Count > 1 ? $" #{i + 1}" : "")}", "highest VmRSS sampled each second during the signing load", mib, "MiB")));

    public static string Memory(Dictionary<string, List<double>> sample) =>
        string.Join(", ", sample.Where(s => s.Value.Count > 0).Select(s => $"{s.Key} {string.Join(" + ", s.Value.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}"));

    private static string StepWhat(string step) => step switch
    {
        "verify-request" => "POST /api/identity/resident-verifications/link → 201 (challenge started, code queued)",
        "code text (SMS sink)" => "from the 201 until the code's text is in the SMS sink (identity outbox → broker → notifications)",
        "code" => "POST /api/identity/resident-verifications/{id}/code → 200 with the signer token",
        "form" => "GET /api/signing/form → 200 (signing asks documents, which renders the owner's form from campaigns)",
        _ => "POST /api/signing/consents → 202 (stored, handed to sealing)",
    };
}
