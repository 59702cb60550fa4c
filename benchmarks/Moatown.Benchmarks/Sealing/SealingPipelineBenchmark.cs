using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Moatown.Benchmarks.Results;
using Moatown.Documents.Rendering;
using Moatown.Documents.Sealing;
using Moatown.Documents.Vault;

namespace Moatown.Benchmarks.Sealing;

/// <summary>
/// Sealing, encrypting and storing one composed signed consent in the hosted documents service: the
/// last two steps of its sealing queue (ConsentSealer.SealAsync, then DocumentVault.StoreAsync into
/// PostgreSQL), one after another and with several at once; its parts alone (seal, store, the TSA
/// round trip); and, in the same run, the raw cryptography of the same bytes as the baseline.
/// </summary>
public sealed class SealingPipelineBenchmark : IBenchmark
{
    private const int WarmUp = 10;
    private const int Sequential = 100;
    private const int PartRepetitions = 100;
    private const int ComposeRepetitions = 20;
    private const int ComposeWorkers = 4;
    private static readonly TimeSpan ComposeDuration = TimeSpan.FromSeconds(5);
    private static readonly int[] Concurrencies = [2, 4, 8];
    private static readonly TimeSpan ThroughputDuration = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RawDuration = TimeSpan.FromSeconds(5);
    private static readonly SealRequest Request = new("모아타운 주민 동의 (Moatown consent)");
    private const string PipelineFigure = "Seal + encrypt + store one consent, sequential";

    public string Name => "sealing pipeline";

    public async Task<BenchmarkOutcome> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var pdf = SampleConsent.Compose();
        var started = Stopwatch.StartNew();
        await using var system = await DocumentsSystem.StartAsync(cancellationToken);
        Console.WriteLine($"PostgreSQL, RabbitMQ and the documents service started in {started.Elapsed.TotalSeconds:F1} s");
        var services = system.Documents.Services;
        var campaignId = Guid.CreateVersion7();

        async Task<SealedDocument> SealAsync(CancellationToken ct)
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ConsentSealer>().SealAsync(pdf, Request, ct);
        }
        async Task StoreAsync(byte[] bytes, CancellationToken ct)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DocumentVault>().StoreAsync(campaignId, "consent", bytes, "application/pdf", ct);
        }
        // One scope per consent, as the sealing queue worker has one per job.
        async Task PipelineAsync(CancellationToken ct)
        {
            await using var scope = services.CreateAsyncScope();
            var sealedPdf = await scope.ServiceProvider.GetRequiredService<ConsentSealer>().SealAsync(pdf, Request, ct);
            await scope.ServiceProvider.GetRequiredService<DocumentVault>().StoreAsync(campaignId, "consent", sealedPdf.Pdf, "application/pdf", ct);
        }
        async Task StampAsync(CancellationToken ct)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ITimestampAuthority>().StampAsync(RandomNumberGenerator.GetBytes(32), ct);
        }

        // Warm-up: JIT, the generated keys, the campaign's key, connection pools.
        for (var i = 0; i < WarmUp; i++) await PipelineAsync(cancellationToken);
        var sealedSample = await SealAsync(cancellationToken);
        // Kept for a look with pdfinfo or pdfsig -nocert: the figures are only as good as the document.
        Directory.CreateDirectory(context.ArtifactsDirectory);
        await File.WriteAllBytesAsync(Path.Combine(context.ArtifactsDirectory, "sealing-consent.pdf"), pdf, cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(context.ArtifactsDirectory, "sealing-consent-sealed.pdf"), sealedSample.Pdf, cancellationToken);

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var cpuBefore = self.TotalProcessorTime;
        var sequentialClock = Stopwatch.StartNew();
        var pipeline = await TimesAsync(Sequential, PipelineAsync, cancellationToken);
        sequentialClock.Stop();
        self.Refresh();
        var cpuPerConsent = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds / Sequential;
        var sequentialRate = Sequential / sequentialClock.Elapsed.TotalSeconds;
        Console.WriteLine($"  pipeline sequential: median {pipeline.MedianMs:F1} ms, {sequentialRate:F1}/s");

        var sealOnly = await TimesAsync(PartRepetitions, async ct => await SealAsync(ct), cancellationToken);
        var storeOnly = await TimesAsync(PartRepetitions, ct => StoreAsync(sealedSample.Pdf, ct), cancellationToken);
        var stamp = await TimesAsync(PartRepetitions, StampAsync, cancellationToken);
        var rewrite = await TimesAsync(PartRepetitions, _ => { PdfRewrite.Once(pdf); return Task.CompletedTask; }, cancellationToken);
        Console.WriteLine($"  seal {sealOnly.MedianMs:F1} ms, store {storeOnly.MedianMs:F1} ms, time-stamp {stamp.MedianMs:F1} ms");

        // Before a seal, the queue composes the signed consent (form, signature page, evidence page):
        // the service's own composer, alone and several at once, shows whether that work spreads over the cores.
        var composer = services.GetRequiredService<SignedConsentComposer>();
        var (formPdf, signature, evidence) = SampleConsent.Inputs();
        Task ComposeAsync(CancellationToken _) { composer.Compose(formPdf, signature, evidence, SampleConsent.Agreements); return Task.CompletedTask; }
        var compose = await TimesAsync(ComposeRepetitions, ComposeAsync, cancellationToken);
        var composeOne = await ConcurrentRun.RunAsync(1, ComposeDuration, ComposeAsync, cancellationToken);
        var composeMany = await ConcurrentRun.RunAsync(ComposeWorkers, ComposeDuration, ComposeAsync, cancellationToken);
        Console.WriteLine($"  compose {compose.MedianMs:F1} ms; {composeOne.PerSecond:F1}/s alone, {composeMany.PerSecond:F1}/s with {ComposeWorkers} at once");
        // And before that, when the owner opened it, the service rendered their form (the residents' "form" step).
        var renderer = services.GetRequiredService<ConsentFormRenderer>();
        var (formContent, owner) = SampleConsent.Form();
        for (var i = 0; i < 3; i++) renderer.RenderPdf(formContent, owner);
        var render = await TimesAsync(ComposeRepetitions, _ => { renderer.RenderPdf(formContent, owner); return Task.CompletedTask; }, cancellationToken);
        Console.WriteLine($"  render the owner's form {render.MedianMs:F1} ms");

        var concurrent = new List<ConcurrentRun.Result>();
        foreach (var workers in Concurrencies)
        {
            var result = await ConcurrentRun.RunAsync(workers, ThroughputDuration, PipelineAsync, cancellationToken);
            concurrent.Add(result);
            Console.WriteLine($"  pipeline × {workers}: {result.PerSecond:F1}/s, median {Measurement.Of(result.Latencies).MedianMs:F1} ms");
        }

        var raw = new RawCrypto(pdf);
        for (var i = 0; i < 50; i++) raw.Once();
        var raw1 = await ConcurrentRun.RunAsync(1, RawDuration, _ => { raw.Once(); return Task.CompletedTask; }, cancellationToken);
        var raw2 = await ConcurrentRun.RunAsync(2, RawDuration, _ => { raw.Once(); return Task.CompletedTask; }, cancellationToken);
        Console.WriteLine($"  raw crypto: {raw1.PerSecond:F0}/s on 1 thread, {raw2.PerSecond:F0}/s on 2");

        var pipeline2 = concurrent.Single(r => r.Workers == 2);
        var best = concurrent.MaxBy(r => r.PerSecond)!;
        var figures = new List<Figure>
        {
            new(PipelineFigure, "ConsentSealer.SealAsync (PAdES, time-stamp over loopback HTTP) then DocumentVault.StoreAsync (AES-256-GCM, INSERT), one at a time", 50, pipeline),
            new("Seal only (PAdES + time-stamp)", "ConsentSealer.SealAsync alone", null, sealOnly),
            new("Store only (encrypt + INSERT)", "DocumentVault.StoreAsync of the sealed PDF alone", null, storeOnly),
            new("Time-stamp round trip", "HttpTimestampAuthority.StampAsync: RFC 3161 request over loopback to /internal/tsa, token checked", null, stamp),
            new("PDFsharp open + rewrite, no signature", "PdfReader.Open (Modify) and Save to memory: what the seal does to the file besides signing", null, rewrite),
            new("Compose one signed consent", "SignedConsentComposer.Compose: the owner's form, a signature page and an evidence page, before the seal", null, compose),
            new("Render one owner's form", "ConsentFormRenderer.RenderPdf: the 2-page form with the owner's particulars, when they open it", null, render),
        };
        figures.AddRange(concurrent.Select(r => new Figure($"Seal + store, {r.Workers} at once: latency", "each consent's own time under that concurrency", null, Measurement.Of(r.Latencies))));

        var rates = new List<Rate>
        {
            new($"Consents/s through the documents service, best of {string.Join("/", Concurrencies)} at once ({best.Workers})", "sealed and stored consents per second", best.PerSecond, "/s", 40),
            new("Consents/s, sequential", "one at a time", sequentialRate, "/s"),
        };
        rates.AddRange(concurrent.Select(r => new Rate($"Consents/s, {r.Workers} at once", $"{r.Operations} consents in {r.Elapsed.TotalSeconds:F1} s", r.PerSecond, "/s")));
        rates.Add(new("Compositions/s, 1 at a time", "SignedConsentComposer.Compose, as the sealing queue calls it", composeOne.PerSecond, "/s"));
        rates.Add(new($"Compositions/s, {ComposeWorkers} at once", $"the same on {ComposeWorkers} threads (the queue's lanes)", composeMany.PerSecond, "/s"));
        rates.Add(new("Raw crypto, 1 thread", "SHA-256 + ECDSA P-256 sign (BouncyCastle) + AES-256-GCM of the same bytes", raw1.PerSecond, "/s"));
        rates.Add(new("Raw crypto, 2 threads", "the same on 2 threads", raw2.PerSecond, "/s"));
        rates.Add(new("Pipeline ÷ raw crypto, 1 at a time", "sequential pipeline rate over raw crypto on 1 thread", sequentialRate / raw1.PerSecond, "× raw", 0.5));
        rates.Add(new("Pipeline ÷ raw crypto, 2 at a time", "pipeline at 2 at once over raw crypto on 2 threads", pipeline2.PerSecond / raw2.PerSecond, "× raw", 0.5));

        var rawMs = 1000 / raw1.PerSecond;
        var details = new List<Detail>
        {
            new(PipelineFigure, "the whole, median (as above)", pipeline.MedianMs),
            new(PipelineFigure, "seal, median", sealOnly.MedianMs),
            new(PipelineFigure, "  of which the time-stamp round trip (HTTP over loopback, TSA signs, token checked)", stamp.MedianMs),
            new(PipelineFigure, "  of which PDFsharp opening and rewriting the whole PDF (timed alone, unsigned)", rewrite.MedianMs),
            new(PipelineFigure, "  of which the rest: hashes, CMS built and signed (BouncyCastle), signature written in", sealOnly.MedianMs - stamp.MedianMs - rewrite.MedianMs),
            new(PipelineFigure, "store, median: data key, AES-256-GCM, SHA-256, INSERT of document and audit row, commit", storeOnly.MedianMs),
            new(PipelineFigure, "for comparison: the raw crypto of the same bytes, per document", rawMs),
            new(PipelineFigure, "CPU time of this process (service, TSA, client) per sequential consent", cpuPerConsent),
        };
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Sealing: one composed signed consent (form with 3 properties and 3 statutory items, drawn signature, evidence page; {SampleConsent.Pages(pdf)} pages) of {pdf.Length / 1024.0:F0} KB, {sealedSample.Pdf.Length / 1024.0:F0} KB once sealed (both in results/artifacts); the same bytes every time, one campaign."),
            string.Create(CultureInfo.InvariantCulture,
                $"Sealing: documents service on Kestrel, Development seal and TSA keys (ECDSA P-256), the built-in TSA reached over loopback HTTP; {WarmUp} warm-up consents first; {Sequential} sequential, {PartRepetitions} of each part, {ThroughputDuration.TotalSeconds:F0} s at each concurrency, {RawDuration.TotalSeconds:F0} s of raw crypto per thread count; logging at Warning."),
            $"PostgreSQL {await PostgresVersionAsync(system, cancellationToken)}, default settings of the Debian package.",
        };
        return new BenchmarkOutcome(figures, details, notes, rates);
    }

    private static async Task<Measurement> TimesAsync(int repetitions, Func<CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        var samples = new List<TimeSpan>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation(cancellationToken);
            samples.Add(Stopwatch.GetElapsedTime(started));
        }
        return Measurement.Of(samples);
    }

    private static async Task<string> PostgresVersionAsync(DocumentsSystem system, CancellationToken cancellationToken)
    {
        await using var connection = new Npgsql.NpgsqlConnection(system.Postgres.ConnectionString("documentsdb"));
        await connection.OpenAsync(cancellationToken);
        return connection.PostgreSqlVersion.ToString();
    }
}
