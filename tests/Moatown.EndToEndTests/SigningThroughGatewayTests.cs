using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;

namespace Moatown.EndToEndTests;

/// <summary>
/// A sample-roll owner signs through the gateway with the whole system running; the sealed PDF they
/// download is checked with the standard tools (pdfsig, openssl ts -verify against the published TSA
/// roots) and the tally moves.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class SigningThroughGatewayTests(SystemUnderTest system)
{
    [Fact]
    public async Task An_owner_signs_through_the_gateway_and_the_sealed_pdf_passes_pdfsig_and_openssl()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        using var notifications = await system.AuthorizedGatewayAsync("notifications");
        var (campaignId, holders) = await GatewayResidents.OpenSampleCampaignAsync(campaigns, "면목동 모아타운 (서명)");
        var minjun = holders["김*준"];
        var before = (await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/tally")).GetProperty("owners").GetProperty("consented").GetInt32();
        using var resident = new HttpClient(new SocketsHttpHandler()) { BaseAddress = system.Gateway.BaseAddress };
        resident.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await GatewayResidents.SignerTokenAsync(system.Gateway, campaigns, notifications, campaignId, minjun));

        var form = await resident.GetFromJsonAsync<JsonElement>("/api/signing/form");
        var items = form.GetProperty("statutoryItems").GetArrayLength();
        using var signed = await resident.PostAsJsonAsync("/api/signing/consents", new
        {
            idempotencyKey = Guid.NewGuid().ToString(),
            formSha256 = form.GetProperty("formSha256").GetString(),
            agreedItems = Enumerable.Range(1, items),
            signature = new { strokes = new[] { new[] { new { x = 10, y = 60 }, new { x = 120, y = 20 }, new { x = 200, y = 90 } } }, width = 300, height = 150 },
        });
        Assert.True(signed.StatusCode == HttpStatusCode.Accepted, await signed.Content.ReadAsStringAsync());
        var consentId = (await signed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentId").GetGuid();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement consent;
        do
        {
            await Task.Delay(500);
            consent = await resident.GetFromJsonAsync<JsonElement>($"/api/signing/consents/{consentId}");
        }
        while (consent.GetProperty("status").GetString() != "sealed" && DateTime.UtcNow < deadline);
        Assert.Equal("sealed", consent.GetProperty("status").GetString());

        var pdf = await resident.GetByteArrayAsync($"/api/signing/consents/{consentId}/document");
        Assert.Equal(consent.GetProperty("documentHash").GetString(), $"sha256:{Convert.ToHexStringLower(SHA256.HashData(pdf))}");
        var folder = Directory.CreateTempSubdirectory("moatown-e2e-seal").FullName;
        try
        {
            var pdfPath = Path.Combine(folder, "consent.pdf");
            await File.WriteAllBytesAsync(pdfPath, pdf);
            var report = await RunAsync("pdfsig", "-nocert", pdfPath);
            Assert.Contains("Signature is Valid", report);
            Assert.Contains("Total document signed", report);

            var (tokenDer, digest) = TimestampOf(pdf);
            var tokenPath = Path.Combine(folder, "token.tsr");
            await File.WriteAllBytesAsync(tokenPath, tokenDer);
            var rootsPath = Path.Combine(folder, "tsa-roots.pem");
            await File.WriteAllTextAsync(rootsPath, await system.Gateway.GetStringAsync("/api/documents/trust/tsa-roots.pem"));
            var verified = await RunAsync("openssl", "ts", "-verify", "-in", tokenPath, "-token_in", "-digest", digest, "-CAfile", rootsPath,
                "-untrusted", CertificatesPath(folder, tokenDer));
            Assert.Contains("Verification: OK", verified);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // Anyone may ask the service too.
        using var check = await system.Gateway.PostAsync("/api/documents/verify", new ByteArrayContent(pdf) { Headers = { ContentType = new("application/pdf") } });
        var verdict = await check.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(verdict.GetProperty("signatureValid").GetBoolean());
        Assert.True(verdict.GetProperty("timestampValid").GetBoolean());

        var deadlineTally = DateTime.UtcNow.AddSeconds(30);
        int after;
        do
        {
            await Task.Delay(300);
            after = (await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/tally")).GetProperty("owners").GetProperty("consented").GetInt32();
        }
        while (after == before && DateTime.UtcNow < deadlineTally);
        Assert.Equal(before + 1, after);
    }

    /// <summary>The time-stamp token in the PDF's CMS and the SHA-256 (hex) of the signature value it stamps.</summary>
    private static (byte[] Token, string Digest) TimestampOf(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var range = ByteRange().Matches(text).Last();
        var start = int.Parse(range.Groups[2].Value) + 1;
        var end = int.Parse(range.Groups[3].Value) - 1;
        var hex = text[start..end].TrimEnd('0');
        var cms = new CmsSignedData(ContentInfo.GetInstance(new Asn1InputStream(Convert.FromHexString(hex.Length % 2 == 0 ? hex : hex + "0")).ReadObject()));
        var signer = cms.GetSignerInfos().GetSigners().Cast<SignerInformation>().Single();
        var token = signer.UnsignedAttributes![Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers.IdAASignatureTimeStampToken].AttrValues[0].GetEncoded();
        return (token, Convert.ToHexStringLower(SHA256.HashData(signer.GetSignature())));
    }

    /// <summary>The TSA's own certificates as carried in its token, for openssl's -untrusted.</summary>
    private static string CertificatesPath(string folder, byte[] tokenDer)
    {
        var token = new Org.BouncyCastle.Tsp.TimeStampToken(ContentInfo.GetInstance(Asn1Object.FromByteArray(tokenDer)));
        var pem = new StringWriter();
        var writer = new Org.BouncyCastle.OpenSsl.PemWriter(pem);
        foreach (var certificate in token.GetCertificates().EnumerateMatches(null))
        {
            writer.WriteObject(certificate);
        }
        writer.Writer.Flush();
        var path = Path.Combine(folder, "tsa-chain.pem");
        File.WriteAllText(path, pem.ToString());
        return path;
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await output + await error;
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();
}
