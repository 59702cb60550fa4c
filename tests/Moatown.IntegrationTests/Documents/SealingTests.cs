using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moatown.Documents.Sealing;
using Moatown.IntegrationTests.Infrastructure;
using Org.BouncyCastle.OpenSsl;
using Xunit.Abstractions;

namespace Moatown.IntegrationTests.Documents;

/// <summary>Sealing checked by the tools anyone has: poppler's pdfsig and openssl ts.</summary>
[Collection(SystemCollection.Name)]
public sealed class SealingTests(SystemFixture system, ITestOutputHelper output)
{
    private static readonly SealRequest Request = new("주민 동의서 봉인 (consent sealed)", "Seoul", "support@moatown.test");

    private ConsentSealer Sealer => system.Documents.Services.GetRequiredService<ConsentSealer>();

    private SealingKeys Keys => system.Documents.Services.GetRequiredService<SealingKeys>();

    [Fact]
    public async Task Pdfsig_reports_a_valid_cades_signature_over_the_whole_document()
    {
        var before = DateTimeOffset.UtcNow;
        var result = await Sealer.SealAsync(SamplePdfs.ConsentForm(), Request, CancellationToken.None);

        Assert.InRange(result.TimestampedAt, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(result.Pdf)), result.Sha256);
        var path = SealedDocuments.TempFile(".pdf", result.Pdf);
        try
        {
            // -nocert: our development root is not in the machine's NSS store; the chain is checked by /verify and openssl.
            var report = await CommandLineTools.RunAsync("pdfsig", "-nocert", path);
            output.WriteLine(report);
            Assert.Contains("Signature Validation: Signature is Valid.", report);
            Assert.Contains("Total document signed", report);
            Assert.Contains("Signature Type: ETSI.CAdES.detached", report);
            Assert.Contains("Signer Certificate Common Name: Moatown e-consent seal", report);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Pdfsig_reports_a_digest_mismatch_after_one_byte_changes()
    {
        var result = await Sealer.SealAsync(SamplePdfs.ConsentForm(), Request, CancellationToken.None);
        var tampered = Tamper(result.Pdf);
        var path = SealedDocuments.TempFile(".pdf", tampered);
        try
        {
            var report = await RunAllowingFailureAsync("pdfsig", "-nocert", path);
            Assert.DoesNotContain("Signature is Valid", report);
            Assert.Contains("Digest Mismatch", report);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Openssl_verifies_the_embedded_time_stamp_against_the_tsa_root()
    {
        var result = await Sealer.SealAsync(SamplePdfs.ConsentForm(), Request, CancellationToken.None);
        var (signer, token) = SealedDocuments.SignerAndToken(result.Pdf);
        var tsa = Keys.BuiltInTsa!;
        var tokenPath = SealedDocuments.TempFile(".tsr", token.GetEncoded());
        var rootPath = SealedDocuments.TempFile(".pem", Pem(tsa.Root));
        var leafPath = SealedDocuments.TempFile(".pem", Pem(tsa.Certificate));
        try
        {
            var digest = SealedDocuments.SignatureDigestHex(signer);
            var report = await CommandLineTools.RunAsync("openssl", "ts", "-verify", "-in", tokenPath, "-token_in",
                "-digest", digest, "-CAfile", rootPath, "-untrusted", leafPath);
            Assert.Contains("Verification: OK", report);

            // The same token does not vouch for another signature value.
            var other = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromHexString(digest)));
            var refused = await RunAllowingFailureAsync("openssl", "ts", "-verify", "-in", tokenPath, "-token_in",
                "-digest", other, "-CAfile", rootPath, "-untrusted", leafPath);
            Assert.DoesNotContain("Verification: OK", refused);

            var text = await CommandLineTools.RunAsync("openssl", "ts", "-reply", "-in", tokenPath, "-token_in", "-text");
            Assert.Contains($"Policy OID: {BuiltInTsa.PolicyOid}", text);
            Assert.Contains("Hash Algorithm: sha256", text);
        }
        finally
        {
            File.Delete(tokenPath);
            File.Delete(rootPath);
            File.Delete(leafPath);
        }
    }

    [Fact]
    public async Task A_tsa_that_does_not_answer_means_nothing_is_sealed()
    {
        // A port that was free a moment ago and has no listener now.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var tsa = new HttpTimestampAuthority(new HttpClient(), Options.Create(new TsaOptions { Url = $"http://127.0.0.1:{port}/tsa", Timeout = TimeSpan.FromSeconds(3) }),
            Keys, system.Documents.Services.GetRequiredService<IServer>(), NullLogger<HttpTimestampAuthority>.Instance);

        await Assert.ThrowsAsync<TimestampUnavailableException>(() =>
            new ConsentSealer(Keys, tsa).SealAsync(SamplePdfs.ConsentForm(), Request, CancellationToken.None));
    }

    [Fact]
    public async Task A_tsa_answering_with_an_error_or_a_token_for_something_else_is_refused()
    {
        var failing = new HttpTimestampAuthority(new HttpClient(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable))),
            Options.Create(new TsaOptions { Url = "http://tsa.test/" }), Keys, system.Documents.Services.GetRequiredService<IServer>(),
            NullLogger<HttpTimestampAuthority>.Instance);
        await Assert.ThrowsAsync<TimestampUnavailableException>(() =>
            new ConsentSealer(Keys, failing).SealAsync(SamplePdfs.ConsentForm(), Request, CancellationToken.None));

        // A real token from the built-in TSA, but for another request (another imprint and nonce): a replay.
        var builtIn = system.Documents.Services.GetRequiredService<BuiltInTsa>();
        var otherRequest = new Org.BouncyCastle.Tsp.TimeStampRequestGenerator().Generate(
            Org.BouncyCastle.Tsp.TspAlgorithms.Sha256, new byte[32], Org.BouncyCastle.Math.BigInteger.ValueOf(7));
        var replay = builtIn.Respond(otherRequest.GetEncoded());
        var replaying = new HttpTimestampAuthority(new HttpClient(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(replay) })),
            Options.Create(new TsaOptions { Url = "http://tsa.test/" }), Keys, system.Documents.Services.GetRequiredService<IServer>(),
            NullLogger<HttpTimestampAuthority>.Instance);
        await Assert.ThrowsAsync<TimestampUnavailableException>(() =>
            new ConsentSealer(Keys, replaying).SealAsync(SamplePdfs.ConsentForm(), Request, CancellationToken.None));
    }

    [Fact]
    public async Task Twenty_seals_have_twenty_distinct_time_stamp_serials()
    {
        var sealer = Sealer;
        await sealer.SealAsync(SamplePdfs.ConsentForm(), Request, CancellationToken.None); // warm up: keys, JIT
        var times = new List<double>();
        var serials = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            var pdf = SamplePdfs.ConsentForm(i);
            var watch = Stopwatch.StartNew();
            var result = await sealer.SealAsync(pdf, Request, CancellationToken.None);
            times.Add(watch.Elapsed.TotalMilliseconds);
            serials.Add(SealedDocuments.SignerAndToken(result.Pdf).Token.TimeStampInfo.SerialNumber.ToString());
        }
        Assert.Equal(20, serials.Count);
        times.Sort();
        output.WriteLine($"seal: median {(times[9] + times[10]) / 2:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms over 20 seals on {Environment.ProcessorCount} cores");
    }

    internal static byte[] Tamper(byte[] pdf)
    {
        // A byte of the first signed range, well away from the signature dictionary: the "%PDF-1.x" header's version digit.
        var tampered = (byte[])pdf.Clone();
        var at = Array.IndexOf(tampered, (byte)'.', 0, 16) + 1;
        tampered[at] = (byte)(tampered[at] == (byte)'4' ? '5' : '4');
        return tampered;
    }

    private static byte[] Pem(Org.BouncyCastle.X509.X509Certificate certificate)
    {
        using var writer = new StringWriter();
        new PemWriter(writer).WriteObject(certificate);
        return System.Text.Encoding.ASCII.GetBytes(writer.ToString());
    }

    private static async Task<string> RunAllowingFailureAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await stdout + await stderr;
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
