using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Moatown.Documents.Data;
using Moatown.Documents.Sealing;
using Moatown.IntegrationTests.Infrastructure;

namespace Moatown.IntegrationTests.Documents;

/// <summary>The service's own TSA client, as registered (with the default resilience pipeline), facing a TSA that is down or hangs.</summary>
[Collection(SystemCollection.Name)]
public sealed class TsaOutageTests(SystemFixture system)
{
    [Fact]
    public async Task A_closed_port_means_timestamp_unavailable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await AssertUnavailableAsync($"http://127.0.0.1:{port}/tsa");
    }

    [Fact]
    public async Task A_tsa_that_accepts_and_never_answers_means_timestamp_unavailable_after_the_timeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(); // connections are accepted by the OS and never read or answered
        var watch = Stopwatch.StartNew();
        await AssertUnavailableAsync($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/tsa");
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(15));
    }

    private async Task AssertUnavailableAsync(string url)
    {
        await using var documents = new ServiceFactory<DocumentsDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:documentsdb"] = system.Postgres.ConnectionString("documentsdb"),
            ["ConnectionStrings:broker"] = system.Broker.ConnectionUri.ToString(),
            ["Identity:Url"] = SystemFixture.Issuer,
            ["Identity:Issuer"] = SystemFixture.Issuer,
            ["Documents:Tsa:Url"] = url,
            ["Documents:Tsa:Timeout"] = "00:00:02",
            // Every documents host needs the vault's master key, whatever it is started for.
            [$"Documents:Vault:MasterKeys:{SystemFixture.DocumentsMasterKeyId}"] = SystemFixture.DocumentsMasterKey,
            ["Documents:Vault:ActiveMasterKey"] = SystemFixture.DocumentsMasterKeyId,
        }, identityBackchannel: null);
        var sealer = documents.Services.GetRequiredService<ConsentSealer>();
        await Assert.ThrowsAsync<TimestampUnavailableException>(() =>
            sealer.SealAsync(SamplePdfs.ConsentForm(), new SealRequest("consent"), CancellationToken.None));
    }
}
