using System.Diagnostics;
using System.Globalization;
using Moatown.Benchmarks.Results;

namespace Moatown.Benchmarks.Import;

/// <summary>
/// PUT of a generated 100,000-holder roll through the campaigns API into a real PostgreSQL, timed
/// from the client: upload, parse and checks, holder ids, encryption, COPY and commit. Each
/// repetition imports into a fresh campaign, so every one is a first import with every holder new.
/// </summary>
public sealed class RollImportBenchmark : IBenchmark
{
    public const int Holders = 100_000;
    private const int Repetitions = 3;
    private const string FigureName = "Roll import (100,000 holders)";

    public string Name => "roll import";

    public async Task<BenchmarkOutcome> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var roll = RollGenerator.Generate(Holders);
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Roll import: {roll.Csv.Length / 1024.0 / 1024.0:F1} MB CSV, {Lines(roll.Csv) - 1:N0} rows on {roll.Lots:N0} lots, {roll.Holders:N0} distinct holders; one warm-up import first, not counted; campaigns on Kestrel over loopback, identity in memory, logging at Warning."),
        };

        var started = Stopwatch.StartNew();
        await using var system = await HostedSystem.StartAsync(cancellationToken);
        Console.WriteLine($"PostgreSQL, RabbitMQ and the services started in {started.Elapsed.TotalSeconds:F1} s");
        notes.Add($"PostgreSQL {await PostgresVersionAsync(system, cancellationToken)}, default settings of the Debian package (postgres.sh).");

        var samples = new List<TimeSpan>();
        var cpu = new List<TimeSpan>();
        using var self = Process.GetCurrentProcess();
        for (var i = 0; i <= Repetitions; i++)
        {
            var campaignId = await system.CampaignsClient.CreateCampaignAsync($"벤치마크 {i}", cancellationToken);
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            var holders = await system.CampaignsClient.ImportRollAsync(campaignId, roll.Csv, cancellationToken);
            stopwatch.Stop();
            self.Refresh();
            var cpuUsed = self.TotalProcessorTime - cpuBefore;
            if (holders != roll.Holders)
                throw new InvalidOperationException($"The import reported {holders} holders; the generator made {roll.Holders}.");
            Console.WriteLine($"  import {(i == 0 ? "warm-up" : i.ToString(CultureInfo.InvariantCulture))}: {stopwatch.Elapsed.TotalSeconds:F2} s, CPU of this process {cpuUsed.TotalSeconds:F2} s");
            if (i == 0) continue;
            samples.Add(stopwatch.Elapsed);
            cpu.Add(cpuUsed);
        }

        var figure = new Figure(FigureName, "PUT /api/campaigns/{id}/roll (text/csv) until 201, from the client", 15_000, Measurement.Of(samples));
        // CPU time says how much work the service did, whatever else the machine was running;
        // PostgreSQL's own work is in other processes and not included.
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"Roll import: CPU time of the benchmark process (client and campaigns service) per import, median {Measurement.Of(cpu).MedianMs / 1000:F2} s, against {figure.Measured.MedianMs / 1000:F2} s wall time."));
        var details = await ImportBreakdown.MeasureAsync(system, roll, figure, cancellationToken);
        return new BenchmarkOutcome([figure], details, notes);
    }

    private static int Lines(byte[] csv) => csv.Count(b => b == (byte)'\n');

    private static async Task<string> PostgresVersionAsync(HostedSystem system, CancellationToken cancellationToken)
    {
        await using var connection = new Npgsql.NpgsqlConnection(system.Postgres.ConnectionString("campaignsdb"));
        await connection.OpenAsync(cancellationToken);
        return connection.PostgreSqlVersion.ToString();
    }
}
