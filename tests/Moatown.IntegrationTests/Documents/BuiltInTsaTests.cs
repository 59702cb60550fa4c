using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Moatown.Documents.Sealing;
using Moatown.IntegrationTests.Infrastructure;
using Org.BouncyCastle.Tsp;

namespace Moatown.IntegrationTests.Documents;

/// <summary>The development TSA over HTTP, asked and checked by openssl as any RFC 3161 client would.</summary>
[Collection(SystemCollection.Name)]
public sealed class BuiltInTsaTests(SystemFixture system)
{
    [Fact]
    public async Task Openssl_query_gets_a_reply_that_openssl_verifies()
    {
        var keys = system.Documents.Services.GetRequiredService<SealingKeys>();
        var data = SealedDocuments.TempFile(".bin", "a consent, as bytes"u8.ToArray());
        var query = Path.ChangeExtension(data, ".tsq");
        var reply = Path.ChangeExtension(data, ".tsr");
        var root = Path.ChangeExtension(data, ".pem");
        CredentialFiles.WritePem(root, [keys.BuiltInTsa!.Root]);
        try
        {
            await CommandLineTools.RunAsync("openssl", "ts", "-query", "-data", data, "-sha256", "-cert", "-out", query);
            using var client = system.Documents.CreateClient();
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(query));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
            using var response = await client.PostAsync(BuiltInTsaEndpoint.Path, content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/timestamp-reply", response.Content.Headers.ContentType?.MediaType);
            await File.WriteAllBytesAsync(reply, await response.Content.ReadAsByteArrayAsync());

            var verified = await CommandLineTools.RunAsync("openssl", "ts", "-verify", "-queryfile", query, "-in", reply, "-CAfile", root);
            Assert.Contains("Verification: OK", verified);
            var text = await CommandLineTools.RunAsync("openssl", "ts", "-reply", "-in", reply, "-text");
            Assert.Contains("Status: Granted.", text);
            Assert.Contains("CN=Moatown development TSA", text);
        }
        finally
        {
            foreach (var path in new[] { data, query, reply, root })
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public async Task Garbage_is_rejected_as_rfc_3161_asks_and_another_media_type_is_a_problem()
    {
        using var client = system.Documents.CreateClient();
        using var garbage = new ByteArrayContent("not a request"u8.ToArray());
        garbage.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        using var rejected = await client.PostAsync(BuiltInTsaEndpoint.Path, garbage);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var answer = new TimeStampResponse(await rejected.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, answer.Status); // rejection
        Assert.Null(answer.TimeStampToken);

        using var json = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        await (await client.PostAsync(BuiltInTsaEndpoint.Path, json)).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }
}
