using System.Globalization;
using Npgsql;

namespace Moatown.Benchmarks.WholeSystem;

/// <summary>
/// Where a consent's freshness goes, hop by hop: the moments the services wrote down on its way,
/// read from their own tables after the load (one machine, one clock). Read by the benchmark only;
/// no service reads another's tables.
/// </summary>
public static class FreshnessStages
{
    /// <summary>A signed consent as the load saw it: its 202, and when its ledger entry was recorded and first streamed.</summary>
    public sealed record Path(Guid ConsentId, DateTimeOffset Accepted, DateTimeOffset? Counted, DateTimeOffset? Streamed);

    public sealed record Stage(string Name, IReadOnlyList<TimeSpan> Spans);

    public sealed record Result(IReadOnlyList<Stage> Stages, int Sealed, TimeSpan SealingSpan)
    {
        /// <summary>Seals per second from the first to the last seal of the load's consents.</summary>
        public double SealedPerSecond => SealingSpan > TimeSpan.Zero ? Sealed / SealingSpan.TotalSeconds : 0;
    }

    public static async Task<Result> MeasureAsync(WholeSystem system, Guid campaignId, IReadOnlyCollection<Path> paths, CancellationToken cancellationToken)
    {
        var jobs = await ReadAsync(await system.ConnectionStringAsync("documentsdb", cancellationToken),
            "SELECT consent_id, queued_at, sealed_at FROM seal_jobs WHERE campaign_id = @campaign", campaignId,
            r => (r.GetGuid(0), (Queued: (DateTimeOffset?)r.GetFieldValue<DateTimeOffset>(1), Sealed: r.IsDBNull(2) ? null : (DateTimeOffset?)r.GetFieldValue<DateTimeOffset>(2))),
            cancellationToken);
        var recorded = await ReadAsync(await system.ConnectionStringAsync("signingdb", cancellationToken),
            "SELECT id, sealed_at FROM consents WHERE campaign_id = @campaign AND sealed_at IS NOT NULL", campaignId,
            r => (r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(1)), cancellationToken);

        var submitted = new List<TimeSpan>();
        var waitedAndSealed = new List<TimeSpan>();
        var toSigning = new List<TimeSpan>();
        var toLedger = new List<TimeSpan>();
        var toStream = new List<TimeSpan>();
        var sealedTimes = new List<DateTimeOffset>();
        foreach (var path in paths)
        {
            if (!jobs.TryGetValue(path.ConsentId, out var job)) continue;
            submitted.Add(job.Queued!.Value - path.Accepted);
            if (job.Sealed is not { } sealedAt) continue;
            sealedTimes.Add(sealedAt);
            waitedAndSealed.Add(sealedAt - job.Queued.Value);
            if (!recorded.TryGetValue(path.ConsentId, out var signingAt)) continue;
            toSigning.Add(signingAt - sealedAt);
            if (path.Counted is not { } counted) continue;
            toLedger.Add(counted - signingAt);
            if (path.Streamed is { } streamed) toStream.Add(streamed - counted);
        }
        var span = sealedTimes.Count > 1 ? sealedTimes.Max() - sealedTimes.Min() : TimeSpan.Zero;
        return new Result(
        [
            new("202 → documents queued the seal (ConsentSubmitted: signing's outbox, relay, broker, documents' inbox)", submitted),
            new("queued → sealed (waiting behind earlier consents, then composed, sealed, time-stamped, stored)", waitedAndSealed),
            new("sealed → signing recorded it (ConsentSealed: documents' outbox, relay, broker, signing's inbox)", toSigning),
            new("signing → campaigns' ledger (ConsentSigned: signing's outbox, relay, broker, campaigns' inbox and count)", toLedger),
            new("ledger → the first dashboard's stream (tally event through the gateway)", toStream),
        ], sealedTimes.Count, span);
    }

    private static async Task<Dictionary<Guid, T>> ReadAsync<T>(string connectionString, string sql, Guid campaignId,
        Func<NpgsqlDataReader, (Guid, T)> read, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new("campaign", campaignId) } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new Dictionary<Guid, T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var (id, value) = read(reader);
            rows[id] = value;
        }
        return rows;
    }

    public static string Describe(Result result) => string.Create(CultureInfo.InvariantCulture,
        $"{result.Sealed:N0} of the load's consents sealed in {result.SealingSpan.TotalSeconds:F1} s from the first seal to the last ({result.SealedPerSecond:F1}/s)");
}
