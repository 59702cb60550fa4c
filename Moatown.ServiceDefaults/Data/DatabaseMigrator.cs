using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moatown.Auditing;

namespace Moatown.ServiceDefaults.Data;

/// <summary>
/// Applies pending EF Core migrations before the service takes requests, then the audit tables and the
/// runtime role's rights, all as the schema's owner. EF Core takes a database lock while migrating, and
/// the rest runs under a lock of its own, so replicas starting together do not race.
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
        await strategy.ExecuteAsync(() => db.Database.MigrateAsync(cancellationToken));
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database for {Context} is up to date; the service runs as {RuntimeRole}")]
    private partial void LogMigrated(string context, string runtimeRole);
}
