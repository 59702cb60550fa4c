using System.Security.Cryptography;
using Moatown.Benchmarks.Import;
using Moatown.Documents.Data;
using Moatown.Testing;

namespace Moatown.Benchmarks.Sealing;

/// <summary>
/// A real PostgreSQL and RabbitMQ from the machine's binaries on free ports and the documents service on
/// Kestrel over loopback, in Development: its generated seal certificate and its built-in TSA, which the
/// sealer reaches over loopback HTTP at POST /internal/tsa as it does under ./moatown up (not in memory,
/// so each seal pays a real HTTP round trip). The vault has a fresh master key. Deleted on dispose.
/// </summary>
public sealed class DocumentsSystem : IAsyncDisposable
{
    private DocumentsSystem(LocalPostgres postgres, LocalRabbitMq broker) => (Postgres, Broker) = (postgres, broker);

    public LocalPostgres Postgres { get; }
    public LocalRabbitMq Broker { get; }
    public ServiceHost<DocumentsDbContext> Documents { get; private set; } = null!;
    public string KeyDirectory { get; } = Path.Combine(Path.GetTempPath(), $"moatown-bench-keys-{Guid.NewGuid():N}");

    public static async Task<DocumentsSystem> StartAsync(CancellationToken cancellationToken)
    {
        var postgres = await LocalPostgres.StartAsync(cancellationToken);
        LocalRabbitMq broker;
        try
        {
            broker = await LocalRabbitMq.StartAsync(cancellationToken);
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }

        var system = new DocumentsSystem(postgres, broker);
        try
        {
            system.Documents = new ServiceHost<DocumentsDbContext>(new Dictionary<string, string?>
            {
                ["ConnectionStrings:documentsdb"] = postgres.ConnectionString("documentsdb"),
                ["ConnectionStrings:broker"] = broker.ConnectionUri.ToString(),
                ["Identity:Url"] = "http://identity.moatown.test/",
                ["Identity:Issuer"] = "http://identity.moatown.test/",
                ["ServiceClient:Id"] = "service-documents",
                ["ServiceClient:Secret"] = "benchmark-documents-secret",
                ["Documents:Vault:MasterKeys:bench1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Documents:Vault:ActiveMasterKey"] = "bench1",
                // Generated seal and TSA keys in a folder of their own, not the source tree's .keys.
                ["Documents:Sealing:KeyDirectory"] = system.KeyDirectory,
                // Request and EF Core logs on the console would be measured too, and drown the report.
                ["Logging:LogLevel:Default"] = "Warning",
                // EF Core logs as errors the first connection before the database exists and the sealing
                // queue's poll cancelled at shutdown; a failure that matters throws in the benchmark.
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Critical",
            }, identityBackchannel: null, overLoopback: true);
            // Starts Kestrel and migrates the database.
            _ = system.Documents.LoopbackAddress();
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Documents is not null) await Documents.DisposeAsync();
        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
        if (Directory.Exists(KeyDirectory)) Directory.Delete(KeyDirectory, recursive: true);
    }
}
