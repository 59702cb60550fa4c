using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Moatown.Auditing;
using Npgsql;

namespace Moatown.ServiceDefaults.Auditing;

/// <summary>
/// Appends to the service database's chain through the DbContext's own connection: inside the caller's
/// transaction when one is open (the record stands or falls with the change), else in one of its own.
/// </summary>
internal sealed class AuditTrail<TContext>(TContext db, IHttpContextAccessor http, TimeProvider time) : IAuditTrail
    where TContext : DbContext
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        var record = new AuditStore.NewRecord(
            time.GetUtcNow(),
            entry.Actor ?? context?.User.FindFirstValue("sub") ?? "anonymous",
            entry.Action,
            entry.Resource,
            entry.Outcome,
            entry.Purpose,
            // After the forwarded-headers middleware: the client's address as the trusted proxies report it.
            context?.Connection.RemoteIpAddress?.ToString(),
            entry.Detail is { Count: > 0 } detail ? JsonSerializer.Serialize(detail.OrderBy(d => d.Key, StringComparer.Ordinal).ToDictionary()) : null,
            Activity.Current?.TraceId.ToHexString());

        if (db.Database.CurrentTransaction is { } open)
        {
            await AuditStore.AppendAsync(Connection(), (NpgsqlTransaction)open.GetDbTransaction(), record, cancellationToken);
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AuditStore.AppendAsync(Connection(), (NpgsqlTransaction)transaction.GetDbTransaction(), record, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    private NpgsqlConnection Connection() => (NpgsqlConnection)db.Database.GetDbConnection();
}
