using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Moatown.Auditing;

/// <summary>
/// The hash chain: each record's hash covers every field of the record and the hash before it, so
/// editing, deleting or inserting a row anywhere changes every hash after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first record.</summary>
    public static byte[] Genesis => new byte[32];

    /// <summary>
    /// PostgreSQL keeps microseconds; a time is cut to them before it is hashed or stored, so the hash
    /// computed at writing equals the one recomputed from the row.
    /// </summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % 10, TimeSpan.Zero);

    public static byte[] Hash(byte[] previousHash, long sequence, Guid id, DateTimeOffset recordedAt, string actor, string action,
        string resource, string outcome, string? purpose, string? sourceAddress, string? detail, string? traceId)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previousHash);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, sequence);
        hash.AppendData(number);
        // Microseconds since the Unix epoch: the stored precision, independent of the server's time zone.
        BinaryPrimitives.WriteInt64BigEndian(number, (ToStoredPrecision(recordedAt).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);
        hash.AppendData(number);
        Span<byte> length = stackalloc byte[4];
        foreach (var field in new[] { id.ToString("D"), actor, action, resource, outcome, purpose, sourceAddress, detail, traceId })
        {
            // Length-prefixed, with -1 for null: ("ab","c") and ("a","bc") never hash alike, nor null and "".
            var bytes = field is null ? null : Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes?.Length ?? -1);
            hash.AppendData(length);
            if (bytes is not null)
            {
                hash.AppendData(bytes);
            }
        }
        return hash.GetHashAndReset();
    }

    public static byte[] Hash(AuditRecord record) => Hash(record.PreviousHash, record.Sequence, record.Id, record.RecordedAt,
        record.Actor, record.Action, record.Resource, record.Outcome, record.Purpose, record.SourceAddress, record.Detail, record.TraceId);

    /// <summary>
    /// Walks the records in sequence order and reports the first one that does not follow from the one
    /// before it: a changed row (its hash no longer matches), a removed row (a gap in the sequence) or a
    /// row whose link to its predecessor was rewritten.
    /// </summary>
    public static async Task<AuditChainReport> VerifyAsync(IAsyncEnumerable<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        var previous = Genesis;
        long expected = 1;
        long count = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            var problem = record.Sequence != expected ? $"record {expected} is missing (the next one is {record.Sequence})"
                : !CryptographicOperations.FixedTimeEquals(record.PreviousHash, previous) ? $"record {record.Sequence} does not link to record {record.Sequence - 1}"
                : !CryptographicOperations.FixedTimeEquals(Hash(record), record.Hash) ? $"record {record.Sequence} was changed after it was written"
                : null;
            if (problem is not null)
            {
                return new AuditChainReport(count, expected - 1, Convert.ToHexStringLower(previous), Math.Min(record.Sequence, expected), problem);
            }
            previous = record.Hash;
            expected++;
            count++;
        }
        return new AuditChainReport(count, count == 0 ? null : count, count == 0 ? null : Convert.ToHexStringLower(previous), null, null);
    }
}

/// <summary>
/// The outcome of a chain check. <see cref="HeadSequence"/> and <see cref="HeadHash"/> are the last
/// record that still follows from the start; <see cref="FirstBrokenSequence"/> is where it breaks.
/// </summary>
public sealed record AuditChainReport(long IntactRecords, long? HeadSequence, string? HeadHash, long? FirstBrokenSequence, string? Problem)
{
    public bool Intact => Problem is null;
}
