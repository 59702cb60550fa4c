using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Moatown.Documents.Data;
using Moatown.Documents.Sealing;
using Moatown.IntegrationTests.Infrastructure;

namespace Moatown.IntegrationTests.Documents;

/// <summary>Outside Development nothing is generated: keys come from configuration, and the built-in TSA is not served.</summary>
[Collection(SystemCollection.Name)]
public sealed class ProductionConfigurationTests(SystemFixture system)
{
    [Fact]
    public async Task Without_a_seal_certificate_the_service_does_not_start()
    {
        await using var production = Production(new());
        var error = Assert.ThrowsAny<Exception>(() => production.Server);
        Assert.Contains("Documents:Sealing:CertificatePath", error.ToString());
    }

    [Fact]
    public async Task Keys_come_from_the_configured_files_and_the_built_in_tsa_is_not_served()
    {
        // A chain made the development way, then handed over as configuration would hand over a real one.
        var directory = Path.Combine(Path.GetTempPath(), $"moatown-production-{Guid.NewGuid():N}");
        try
        {
            var seal = CredentialFiles.LoadOrCreate(directory, "seal", "Test root", "Test seal", timeStamping: false);
            CredentialFiles.LoadOrCreate(directory, "tsa", "Test TSA root", "Test TSA", timeStamping: true);
            await using var production = Production(new()
            {
                ["Documents:Sealing:CertificatePath"] = Path.Combine(directory, "seal.pfx"),
                ["Documents:Sealing:CertificatePassword"] = CredentialFiles.DevelopmentPassword,
                ["Documents:Tsa:Url"] = "https://tsa.example.test/",
                ["Documents:Tsa:TrustedRootPath"] = Path.Combine(directory, "tsa-root.pem"),
            });
            var keys = production.Services.GetRequiredService<SealingKeys>();
            Assert.False(keys.BuiltInTsaEnabled);
            Assert.Null(keys.BuiltInTsa);
            Assert.Equal(seal.Certificate, keys.Seal.Certificate);
            Assert.Equal("CN=Test TSA root,O=Moatown e-consent (development),C=KR", keys.TsaRoots.Single().SubjectDN.ToString());

            using var client = production.CreateClient();
            using var query = new ByteArrayContent([0x30, 0x00]);
            query.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
            using var response = await client.PostAsync(BuiltInTsaEndpoint.Path, query);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private ServiceFactory<DocumentsDbContext> Production(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:documentsdb"] = system.Postgres.ConnectionString("documentsdb"),
            ["ConnectionStrings:broker"] = system.Broker.ConnectionUri.ToString(),
            ["Identity:Url"] = SystemFixture.Issuer,
            ["Identity:Issuer"] = SystemFixture.Issuer,
            // Every documents host needs the vault's master key, whatever it is started for.
            [$"Documents:Vault:MasterKeys:{SystemFixture.DocumentsMasterKeyId}"] = SystemFixture.DocumentsMasterKey,
            ["Documents:Vault:ActiveMasterKey"] = SystemFixture.DocumentsMasterKeyId,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return new(settings, identityBackchannel: null, builder => builder.UseEnvironment("Production"));
    }
}
