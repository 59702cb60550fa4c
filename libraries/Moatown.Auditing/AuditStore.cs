using System.Runtime.CompilerServices;
using Npgsql;

namespace Moatown.Auditing;

/// <summary>Reads and appends audit records on a connection the caller owns (and its transaction, if any).</summary>
public static class AuditStore
{
    /// <summary>Appending writers queue on this lock, so each reads the true head before it links to it.</summary>
    private const string AppendLock = "SELECT pg_advisory_xact_lock(hashtext('moatown.audit_records'))";

    public sealed record NewRecord(DateTimeOffset RecordedAt, string Actor, string Action, string Resource, string Outcome,
        string? Purpose, string? SourceAddress, string? Detail, string? TraceId);

    /// <summary>Appends one record; the transaction must be open, and the record commits with it.</summary>
    public static async Task<AuditRecord> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NewRecord entry, CancellationToken cancellationToken)
    {
        await using (var lockCommand = new NpgsqlCommand(AppendLock, connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        long sequence = 1;
        var previous = AuditChain.Genesis;
        await using (var head = new NpgsqlCommand("SELECT sequence, hash FROM audit_records ORDER BY sequence DESC LIMIT 1", connection, transaction))
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                sequence = reader.GetInt64(0) + 1;
                previous = (byte[])reader[1];
            }
        }

        var recordedAt = AuditChain.ToStoredPrecision(entry.RecordedAt);
        var record = new AuditRecord(sequence, Guid.CreateVersion7(recordedAt), recordedAt, entry.Actor, entry.Action, entry.Resource,
            entry.Outcome, entry.Purpose, entry.SourceAddress, entry.Detail, entry.TraceId, previous, []);
        record = record with { Hash = AuditChain.Hash(record) };

        await using var insert = new NpgsqlCommand("""
            INSERT INTO audit_records (sequence, id, recorded_at, actor, action, resource, outcome, purpose, source_address, detail, trace_id, previous_hash, hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            """, connection, transaction);
        insert.Parameters.AddWithValue(record.Sequence);
        insert.Parameters.AddWithValue(record.Id);
        insert.Parameters.AddWithValue(record.RecordedAt);
        insert.Parameters.AddWithValue(record.Actor);
        insert.Parameters.AddWithValue(record.Action);
        insert.Parameters.AddWithValue(record.Resource);
        insert.Parameters.AddWithValue(record.Outcome);
        insert.Parameters.AddWithValue((object?)record.Purpose ?? DBNull.Value);
        insert.Parameters.AddWithValue((object?)record.SourceAddress ?? DBNull.Value);
        insert.Parameters.AddWithValue((object?)record.Detail ?? DBNull.Value);
        insert.Parameters.AddWithValue((object?)record.TraceId ?? DBNull.Value);
        insert.Parameters.AddWithValue(record.PreviousHash);
        insert.Parameters.AddWithValue(record.Hash);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return record;
    }

    /// <summary>Records in chain order, from <paramref name="after"/> (exclusive), at most <paramref name="limit"/>.</summary>
    public static async IAsyncEnumerable<AuditRecord> ReadAsync(NpgsqlConnection connection, long after = 0, int? limit = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT sequence, id, recorded_at, actor, action, resource, outcome, purpose, source_address, detail, trace_id, previous_hash, hash
            FROM audit_records WHERE sequence > $1 ORDER BY sequence {(limit is null ? "" : "LIMIT $2")}
            """, connection);
        command.Parameters.AddWithValue(after);
        if (limit is { } count)
        {
            command.Parameters.AddWithValue(count);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new AuditRecord(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), NullableString(reader, 7), NullableString(reader, 8), NullableString(reader, 9),
                NullableString(reader, 10), (byte[])reader[11], (byte[])reader[12]);
        }
    }

    public static async Task<IReadOnlyList<AuditAnchor>> ReadAnchorsAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        var anchors = new List<AuditAnchor>();
        await using var command = new NpgsqlCommand(
            "SELECT sequence, head_hash, time_stamp_token, time_stamped_at, authority FROM audit_anchors ORDER BY sequence", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            anchors.Add(new AuditAnchor(reader.GetInt64(0), (byte[])reader[1], (byte[])reader[2], reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4)));
        }
        return anchors;
    }

    /// <summary>The latest time-stamped head, or null before the first: what the periodic stamping compares with.</summary>
    public static async Task<(long Sequence, DateTimeOffset TimeStampedAt)?> LastAnchorAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT sequence, time_stamped_at FROM audit_anchors ORDER BY sequence DESC LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1)) : null;
    }

    public static async Task AddAnchorAsync(NpgsqlConnection connection, AuditAnchor anchor, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO audit_anchors (sequence, head_hash, time_stamp_token, time_stamped_at, authority)
            VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sequence) DO NOTHING
            """, connection);
        insert.Parameters.AddWithValue(anchor.Sequence);
        insert.Parameters.AddWithValue(anchor.HeadHash);
        insert.Parameters.AddWithValue(anchor.TimeStampToken);
        insert.Parameters.AddWithValue(anchor.TimeStampedAt);
        insert.Parameters.AddWithValue(anchor.Authority);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The last record's place and hash, or null for an empty trail.</summary>
    public static async Task<(long Sequence, byte[] Hash)?> HeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT sequence, hash FROM audit_records ORDER BY sequence DESC LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), (byte[])reader[1]) : null;
    }

    /// <summary>
    /// The full check an auditor runs: the chain from the start, then every time-stamped head against it
    /// (a chain rewritten from some point on, with fresh hashes, still disagrees with the heads stamped before).
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        var chain = await AuditChain.VerifyAsync(ReadAsync(connection, cancellationToken: cancellationToken), cancellationToken);
        var anchors = await ReadAnchorsAsync(connection, cancellationToken);
        var hashes = new Dictionary<long, byte[]>();
        if (anchors.Count > 0)
        {
            var wanted = anchors.Select(a => a.Sequence).ToHashSet();
            await foreach (var record in ReadAsync(connection, cancellationToken: cancellationToken))
            {
                if (wanted.Contains(record.Sequence))
                {
                    hashes[record.Sequence] = record.Hash;
                }
            }
        }
        var anchorProblems = anchors
            .Select(anchor => AuditAnchors.Check(anchor, hashes.GetValueOrDefault(anchor.Sequence)) is { } problem ? $"anchor at record {anchor.Sequence}: {problem}" : null)
            .OfType<string>()
            .ToList();
        return new AuditVerification(chain, anchors.Count, anchors.Count == 0 ? null : anchors[^1].TimeStampedAt, anchorProblems);
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

/// <summary>The chain check plus the time-stamped heads: intact only when both agree.</summary>
public sealed record AuditVerification(AuditChainReport Chain, int Anchors, DateTimeOffset? LastAnchoredAt, IReadOnlyList<string> AnchorProblems)
{
    public bool Intact => Chain.Intact && AnchorProblems.Count == 0;
}
