using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moatown.Benchmarks.Results;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Registry;
using Moatown.Campaigns.Rolls;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Benchmarks.Import;

/// <summary>
/// Where an import's time goes: the steps the endpoint takes, each timed alone inside the hosted
/// service (parse, the importer, and the importer's hashing and encryption); the database's share
/// and the HTTP share are what is left of the importer and of the whole request.
/// </summary>
public static class ImportBreakdown
{
    private const int Repetitions = 2;

    public static async Task<IReadOnlyList<Detail>> MeasureAsync(HostedSystem system, GeneratedRoll generated, Figure whole, CancellationToken cancellationToken)
    {
        var parse = Median(Repetitions, () => RollParser.Parse(generated.Csv));
        var roll = RollParser.Parse(generated.Csv).Roll!;

        var importer = new List<TimeSpan>();
        for (var i = 0; i < Repetitions; i++)
        {
            var campaignId = await system.CampaignsClient.CreateCampaignAsync($"벤치마크 내역 {i}", cancellationToken);
            await using var scope = system.Campaigns.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CampaignsDbContext>();
            var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, cancellationToken);
            var stopwatch = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<RollImporter>().ImportAsync(campaign, roll, "benchmark", cancellationToken);
            importer.Add(stopwatch.Elapsed);
        }
        var import = Measurement.Of(importer).MedianMs;

        var protector = system.Campaigns.Services.GetRequiredService<PersonalDataProtector>();
        var keys = roll.Rows.Select(r => r.Holder).Distinct().ToList();
        var blindIndexes = Median(Repetitions, () => keys.ForEach(k => protector.BlindIndex(k.Value, PersonalDataPurposes.HolderKey)));
        var encryption = Median(Repetitions, () =>
        {
            // As the importer does it: each distinct value once, on every core.
            var sealer = new RollFieldSealer(protector);
            var holderIds = keys.ToDictionary(k => k, _ => Guid.NewGuid());
            Parallel.ForEach(roll.Rows, row => StoredRolls.ToEntry(row, Guid.Empty, holderIds[row.Holder], sealer));
        });

        var figure = whole.Name;
        return
        [
            new(figure, "the whole request, median (as above)", whole.Measured.MedianMs),
            new(figure, "parse and check the CSV, roll version hash (RollParser)", parse),
            new(figure, "importer (RollImporter.ImportAsync), in process", import),
            new(figure, "  of which holder blind indexes (HMAC-SHA256)", blindIndexes),
            new(figure, "  of which personal data encryption (AES-256-GCM)", encryption),
            new(figure, "  of which database: holder lookup, COPY of holders and rows, commit (the rest)", import - blindIndexes - encryption),
            // The parts are timed apart, each on a quieter machine than the request had: when they add up
            // to more than the whole, what is left is below what this can separate.
            new(figure, "upload, reading the body, HTTP and JSON answer (the rest; 0 when the parts timed apart add up to more)",
                Math.Max(0, whole.Measured.MedianMs - parse - import)),
        ];
    }

    private static double Median(int repetitions, Action action)
    {
        var samples = new List<TimeSpan>();
        for (var i = 0; i < repetitions; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            samples.Add(stopwatch.Elapsed);
        }
        return Measurement.Of(samples).MedianMs;
    }
}
