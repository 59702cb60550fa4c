using System.Net;
using Moatown.Benchmarks.Results;
using Moatown.Benchmarks.Sealing;

namespace Moatown.Benchmarks.WholeSystem;

/// <summary>
/// The same cheap authenticated request (GET /api/campaigns/{id}: token checked, one campaign row
/// read) sent straight to the campaigns service and through the gateway, in alternating rounds so
/// both see the same machine. The ratio is the gateway's rate over the direct rate.
/// </summary>
public static class GatewayOverhead
{
    private const int Workers = 16;
    private const int Rounds = 2;
    private static readonly TimeSpan RoundDuration = TimeSpan.FromSeconds(6);

    public sealed record Result(ConcurrentRun.Result Direct, ConcurrentRun.Result Gateway, int Failures)
    {
        public double Ratio => Gateway.PerSecond / Direct.PerSecond;
    }

    public static async Task<Result> MeasureAsync(WholeSystem system, Guid campaignId, CancellationToken cancellationToken)
    {
        using var direct = await system.AuthorizedAsync("campaigns", cancellationToken, resource: "campaigns");
        using var gateway = await system.AuthorizedAsync("campaigns", cancellationToken);
        var failures = 0;
        var path = $"/api/campaigns/{campaignId}";
        Func<CancellationToken, Task> Get(HttpClient client) => async ct =>
        {
            using var response = await client.GetAsync(path, ct);
            await response.Content.LoadIntoBufferAsync(ct);
            if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref failures);
        };

        // Warm both paths: connections, JIT, the gateway's route and cluster.
        await ConcurrentRun.RunAsync(Workers, TimeSpan.FromSeconds(2), Get(direct), cancellationToken);
        await ConcurrentRun.RunAsync(Workers, TimeSpan.FromSeconds(2), Get(gateway), cancellationToken);
        failures = 0;

        var directRuns = new List<ConcurrentRun.Result>();
        var gatewayRuns = new List<ConcurrentRun.Result>();
        for (var round = 0; round < Rounds; round++)
        {
            directRuns.Add(await ConcurrentRun.RunAsync(Workers, RoundDuration, Get(direct), cancellationToken));
            gatewayRuns.Add(await ConcurrentRun.RunAsync(Workers, RoundDuration, Get(gateway), cancellationToken));
        }
        return new Result(Combine(directRuns), Combine(gatewayRuns), failures);
    }

    private static ConcurrentRun.Result Combine(List<ConcurrentRun.Result> runs) => new(runs[0].Workers, runs.Sum(r => r.Operations),
        TimeSpan.FromTicks(runs.Sum(r => r.Elapsed.Ticks)), runs.SelectMany(r => r.Latencies).ToList());

    public static string Note(Result result) =>
        $"Gateway overhead: GET /api/campaigns/{{id}} with a campaigns token, {Workers} requests at once, {Rounds} alternating rounds of {RoundDuration.TotalSeconds:F0} s each way after 2 s warm-ups; "
        + $"direct {result.Direct.Operations:N0} requests, through the gateway {result.Gateway.Operations:N0}; non-200 answers {result.Failures}. "
        + "Direct means the campaigns service's own endpoint as the AppHost publishes it; the gateway forwards to the same endpoint.";

    public static IEnumerable<Figure> Figures(Result result) =>
    [
        new("Cheap API request direct to campaigns: latency", "GET /api/campaigns/{id}, 16 at once", null, Measurement.Of(result.Direct.Latencies)),
        new("The same request through the gateway: latency", "GET /api/campaigns/{id} via YARP, 16 at once", null, Measurement.Of(result.Gateway.Latencies)),
    ];

    public static IEnumerable<Rate> Rates(Result result) =>
    [
        new("Cheap API request direct to campaigns", "requests per second, 16 at once", result.Direct.PerSecond, "/s"),
        new("The same request through the gateway", "requests per second, 16 at once", result.Gateway.PerSecond, "/s"),
        new("Gateway ÷ direct throughput", "same request, same run, alternating rounds", result.Ratio, "× direct", 0.85),
    ];
}
