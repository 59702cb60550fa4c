using Moatown.Benchmarks.Import;
using Moatown.Benchmarks.Sealing;
using Moatown.Benchmarks.Tally;
using Moatown.Benchmarks.WholeSystem;

namespace Moatown.Benchmarks;

/// <summary>
/// The suites ./moatown bench NAME runs. A new benchmark is one more IBenchmark file and its
/// line here: in an existing suite, or in a new one, which is then a new command.
/// </summary>
public static class Suites
{
    public static readonly IReadOnlyDictionary<string, (string Description, Func<IBenchmark[]> Benchmarks)> All =
        new Dictionary<string, (string, Func<IBenchmark[]>)>
        {
            ["registry"] = ("the registry figures: tally engine, owner roll import and the live tally stream, on a 100,000-holder roll",
                () => [new TallyEngineBenchmark(), new RollImportBenchmark(), new TallyStreamBenchmark()]),
            // Parts of the registry suite alone, for working on one figure.
            ["tally"] = ("the tally engine only (no servers)", () => [new TallyEngineBenchmark()]),
            ["import"] = ("the owner roll import only (PostgreSQL, RabbitMQ, identity and campaigns)", () => [new RollImportBenchmark()]),
            ["stream"] = ("the live tally stream only, at 50 consents/s", () => [new TallyStreamBenchmark()]),
            ["sealing"] = ("sealing, encrypting and storing a signed consent (documents service, PostgreSQL), against the raw crypto of the same bytes",
                () => [new SealingPipelineBenchmark()]),
            ["system"] = ("the whole system from the AppHost: cold start, memory idle and under load, gateway against direct, event path against the raw broker, residents signing through the gateway",
                () => [new SystemBenchmark()]),
            ["scaleout"] = ("the residents' signing load again with two replicas of campaigns, signing and documents",
                () => [new ScaleOutBenchmark()]),
        };

    /// <summary>
    /// What ./moatown bench runs when no suite is named: every figure once, and one combined report
    /// (all-*.md/json). The whole-system suites come last: scaleout compares with system's load.
    /// </summary>
    public static readonly IReadOnlyList<string> Default = ["registry", "sealing", "system", "scaleout"];
}
