using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Data;
using Moatown.Signing.Data;
using Npgsql;

namespace Moatown.IntegrationTests.Database;

/// <summary>
/// Replicas of a service (Moatown:Replicas) start together against a server where their database does
/// not exist yet: every one of them must come up with the schema migrated, none must crash.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ReplicaMigrationTests(SystemFixture system)
{
    private const int Replicas = 4;

    [Fact]
    public async Task Replicas_starting_together_on_a_new_server_all_migrate_the_database()
    {
        var database = $"replicas_{Guid.NewGuid():N}";
        var connectionString = system.Postgres.ConnectionString(database);
        var replicas = Enumerable.Range(0, Replicas).Select(_ =>
        {
            var services = new ServiceCollection();
            services.AddDbContext<SigningDbContext>(options => options.UseNpgsql(connectionString));
            var provider = services.BuildServiceProvider();
            return (provider, new DatabaseMigrator<SigningDbContext>(provider, ServiceDatabaseConnections.From(connectionString, null),
                NullLogger<DatabaseMigrator<SigningDbContext>>.Instance));
        }).ToList();
        try
        {
            // All at once, as the orchestrator starts replicas.
            using var start = new Barrier(Replicas);
            await Task.WhenAll(replicas.Select(r => Task.Run(async () =>
            {
                start.SignalAndWait();
                await r.Item2.StartAsync(CancellationToken.None);
            })));

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var applied = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", connection);
            var migrations = replicas[0].provider.GetRequiredService<SigningDbContext>().Database.GetMigrations().Count();
            Assert.Equal(migrations, Convert.ToInt32(await applied.ExecuteScalarAsync()));
        }
        finally
        {
            foreach (var (provider, _) in replicas) await provider.DisposeAsync();
        }
    }
}
