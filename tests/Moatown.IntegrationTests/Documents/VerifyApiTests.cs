using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moatown.Documents.Sealing;
using Moatown.IntegrationTests.Infrastructure;

namespace Moatown.IntegrationTests.Documents;

/// <summary>POST /api/documents/verify: the check anyone can run, without a token.</summary>
[Collection(SystemCollection.Name)]
public sealed class VerifyApiTests(SystemFixture system)
{
    [Fact]
    public async Task A_sealed_document_verifies_and_one_changed_byte_does_not()
    {
        var sealedDocument = await system.Documents.Services.GetRequiredService<ConsentSealer>()
            .SealAsync(SamplePdfs.ConsentForm(), new SealRequest("consent"), CancellationToken.None);
        using var client = system.Documents.CreateClient();

        var answer = await VerifyAsync(client, sealedDocument.Pdf);
        Assert.True(answer.GetProperty("signatureValid").GetBoolean());
        Assert.True(answer.GetProperty("documentUnmodified").GetBoolean());
        Assert.True(answer.GetProperty("timestampValid").GetBoolean());
        Assert.Equal("Moatown e-consent seal", answer.GetProperty("signer").GetString());
        Assert.Equal(sealedDocument.TimestampedAt, answer.GetProperty("timestampedAt").GetDateTimeOffset());
        Assert.Equal(sealedDocument.Sha256, answer.GetProperty("sha256").GetString());
        Assert.NotEqual(JsonValueKind.Null, answer.GetProperty("signedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("campaignId").ValueKind);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("consentId").ValueKind);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("consentStatus").ValueKind);

        var tampered = await VerifyAsync(client, SealingTests.Tamper(sealedDocument.Pdf));
        Assert.False(tampered.GetProperty("signatureValid").GetBoolean());
        Assert.False(tampered.GetProperty("documentUnmodified").GetBoolean());
    }

    [Fact]
    public async Task Bytes_appended_after_the_signed_range_mean_the_document_is_not_unmodified()
    {
        var sealedDocument = await system.Documents.Services.GetRequiredService<ConsentSealer>()
            .SealAsync(SamplePdfs.ConsentForm(), new SealRequest("consent"), CancellationToken.None);
        using var client = system.Documents.CreateClient();

        var answer = await VerifyAsync(client, [.. sealedDocument.Pdf, .. "\n% appended\n"u8.ToArray()]);
        Assert.True(answer.GetProperty("signatureValid").GetBoolean());
        Assert.False(answer.GetProperty("documentUnmodified").GetBoolean());
    }

    [Fact]
    public async Task A_signature_from_another_chain_is_not_valid()
    {
        // Sealed properly, but by a seal this service does not trust: a fresh development chain.
        var directory = Path.Combine(Path.GetTempPath(), $"moatown-foreign-{Guid.NewGuid():N}");
        var foreignKeys = new SealingKeys(Options(new SealingOptions { KeyDirectory = directory }),
            Options(new TsaOptions()), system.Documents.Services.GetRequiredService<IHostEnvironment>());
        SealedDocument foreign;
        try
        {
            foreign = await new ConsentSealer(foreignKeys, system.Documents.Services.GetRequiredService<ITimestampAuthority>())
                .SealAsync(SamplePdfs.ConsentForm(), new SealRequest("consent"), CancellationToken.None);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
        using var client = system.Documents.CreateClient();

        var answer = await VerifyAsync(client, foreign.Pdf);
        Assert.False(answer.GetProperty("signatureValid").GetBoolean());
        Assert.True(answer.GetProperty("documentUnmodified").GetBoolean());
    }

    [Fact]
    public async Task Not_a_pdf_an_unsigned_pdf_and_another_media_type_are_problems()
    {
        using var client = system.Documents.CreateClient();
        await (await PostAsync(client, "hello, not a pdf"u8.ToArray())).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var unsigned = await (await PostAsync(client, SamplePdfs.ConsentForm())).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("No signature", unsigned.GetProperty("title").GetString());
        await (await PostAsync(client, SamplePdfs.ConsentForm(), "text/plain")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_200_mb_upload_is_refused(bool withContentLength)
    {
        using var client = system.Documents.CreateClient();
        var body = new ZeroStream(200L * 1024 * 1024);
        using var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        // With a length the service refuses before reading; without one (chunked) it stops reading at the limit.
        content.Headers.ContentLength = withContentLength ? body.Length : null;
        using var response = await client.PostAsync("/api/documents/verify", content);
        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Document too large", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_verify_and_not_the_internal_tsa()
    {
        using var client = system.Documents.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/documents/verify", document);
        Assert.Contains("signatureValid", document);
        Assert.DoesNotContain("/internal/tsa", document);
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient client, byte[] pdf)
    {
        using var response = await PostAsync(client, pdf);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body, string mediaType = "application/pdf")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return client.PostAsync("/api/documents/verify", content);
    }

    private static Microsoft.Extensions.Options.IOptions<T> Options<T>(T value) where T : class => Microsoft.Extensions.Options.Options.Create(value);

    /// <summary>A long body of zeros that exists only as it is read.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            Array.Clear(buffer, offset, n);
            Position += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
