using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moatown.Auditing;
using Npgsql;

namespace Moatown.ServiceDefaults.Data;

/// <summary>
/// Applies pending EF Core migrations before the service takes requests, then the audit tables and the
/// runtime role's rights, all as the schema's owner. Migrations and the rest each run under a lock of
/// their own, so replicas starting together do not race.
/// </summary>
public sealed partial class DatabaseMigrator<TContext>(
    IServiceProvider services, ServiceDatabaseConnections connections, ILogger<DatabaseMigrator<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    private static readonly ActivitySource Source = new("Moatown.Migrations");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity($"migrate {typeof(TContext).Name}");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // DbContexts are pooled: this instance returns to the pool, so it gets the runtime string back below.
        db.Database.SetConnectionString(connections.OwnerConnectionString);
        try
        {
            await MigrateAsOwnerAsync(db, cancellationToken);
        }
        finally
        {
            db.Database.SetConnectionString(connections.RuntimeConnectionString);
        }
        LogMigrated(typeof(TContext).Name, connections.RuntimeRole ?? "(the login itself)");
    }

    private async Task MigrateAsOwnerAsync(TContext db, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await CreateDatabaseAsync(db, cancellationToken);
        // Replicas starting together on a new database must migrate one at a time: EF Core's own lock does
        // not keep two from creating the same tables. A session lock in the database itself orders them;
        // the later ones find nothing left to apply.
        await using var lockConnection = new NpgsqlConnection(connections.OwnerConnectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext('moatown.migrations'))", lockConnection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            await strategy.ExecuteAsync(() => db.Database.MigrateAsync(cancellationToken));
        }
        finally
        {
            // Explicitly: closing only returns the connection to the pool, and the session would keep the lock.
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext('moatown.migrations'))", lockConnection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('moatown.schema'))", cancellationToken);
            await db.Database.ExecuteSqlRawAsync(AuditSchema.Create, cancellationToken);
            if (connections.RuntimeRoleGrants() is { Length: > 0 } grants)
            {
                await db.Database.ExecuteSqlRawAsync(grants, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>The database itself, when missing; replicas that lose the race to create it find it there.</summary>
    private static async Task CreateDatabaseAsync(TContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database for {Context} is up to date; the service runs as {RuntimeRole}")]
    private partial void LogMigrated(string context, string runtimeRole);
}
