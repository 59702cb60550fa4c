using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moatown.Auditing;
using Moatown.ServiceDefaults.Auditing;
using Moatown.ServiceDefaults.Data;
using Moatown.ServiceDefaults.PersonalData;
using Npgsql;

namespace Moatown.ServiceDefaults.Inspection;

/// <summary>Measures this service's controls now, from its database and configuration.</summary>
public sealed class ServiceInspector<TContext>(
    TContext db,
    IHostEnvironment environment,
    ServiceDatabaseConnections connections,
    PersonalDataColumns columns,
    IOptions<PersonalDataOptions> personalData,
    IEnumerable<IInspectionContributor> contributors,
    TimeProvider time)
    where TContext : DbContext
{
    public async Task<ServiceInspection> InspectAsync(CancellationToken cancellationToken)
    {
        var findings = new InspectionFindings();
        foreach (var contributor in contributors)
        {
            await contributor.ContributeAsync(findings, cancellationToken);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var database = await DatabaseAsync(connection, cancellationToken);
            var stores = new List<EncryptedStore>();
            foreach (var column in columns.All)
            {
                stores.Add(await CountAsync(connection, column, cancellationToken));
            }
            stores.AddRange(findings.Stores);
            var audit = await AuditStore.VerifyAsync(connection, cancellationToken);
            var keys = PersonalDataKeys().Concat(findings.Keys).ToList();
            return new ServiceInspection(ServiceName(environment.ApplicationName), time.GetUtcNow(), database, stores, keys, findings.Certificates,
                new AuditApi.AuditVerificationView(audit.Intact, audit.Chain.IntactRecords, audit.Chain.HeadSequence, audit.Chain.HeadHash,
                    audit.Chain.FirstBrokenSequence, audit.Chain.Problem, audit.Anchors, audit.LastAnchoredAt, audit.AnchorProblems),
                findings.Warnings);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>"Moatown.Campaigns" → "campaigns", as the gateway and the AppHost name it.</summary>
    private static string ServiceName(string application) =>
        (application.StartsWith("Moatown.", StringComparison.Ordinal) ? application["Moatown.".Length..] : application).ToLowerInvariant();

    /// <summary>A certificate as the report shows it (contributors use this for their own).</summary>
    public static CertificateStatus Certificate(string name, X509Certificate2 certificate) =>
        new(name, certificate.Subject, new DateTimeOffset(certificate.NotBefore.ToUniversalTime()), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));

    private IEnumerable<KeyStatus> PersonalDataKeys()
    {
        var options = personalData.Value;
        foreach (var id in options.Keys.Keys.Order(StringComparer.Ordinal))
        {
            yield return new KeyStatus("personal-data", id, id == options.ActiveKeyId, IssuedOn(options, id), null,
                IssuedOn(options, id) is null ? $"issue date not recorded (PersonalData:KeyIssuedOn:{id})" : null);
        }
        if (!string.IsNullOrEmpty(options.BlindIndexKey))
        {
            yield return new KeyStatus("blind-index", "blind-index", true, null, null, "not rotated: every index would change");
        }
    }

    private static DateTimeOffset? IssuedOn(PersonalDataOptions options, string id) =>
        options.KeyIssuedOn.TryGetValue(id, out var date) ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    private async Task<DatabaseControls> DatabaseAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT current_setting('archive_mode'), archived_count, last_archived_time, failed_count, last_failed_time
            FROM pg_stat_archiver
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DatabaseControls(connections.RuntimeRole, reader.GetString(0), reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt64(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));
    }

    private static async Task<EncryptedStore> CountAsync(NpgsqlConnection connection, PersonalDataColumn column, CancellationToken cancellationToken)
    {
        // Names come from the service's own declaration, never from a request; quoted all the same.
        var table = new NpgsqlCommandBuilder().QuoteIdentifier(column.Table);
        var name = new NpgsqlCommandBuilder().QuoteIdentifier(column.Column);
        await using var command = new NpgsqlCommand($"""
            SELECT CASE WHEN {name} LIKE 'pd1.%.%' THEN split_part({name}, '.', 2) END AS key_id, count(*)
            FROM {table} WHERE {name} IS NOT NULL GROUP BY 1
            """, connection);
        var byKey = new Dictionary<string, long>(StringComparer.Ordinal);
        long values = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var count = reader.GetInt64(1);
                values += count;
                if (!reader.IsDBNull(0))
                {
                    byKey[reader.GetString(0)] = count;
                }
            }
        }
        return new EncryptedStore(column.Table, column.Column, column.Holds, "AES-256-GCM (field)", values, byKey.Values.Sum(), byKey);
    }
}
