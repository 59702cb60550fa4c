namespace Moatown.Auditing;

/// <summary>One stored audit record: its place in the chain, what it says, and the hashes that chain it.</summary>
public sealed record AuditRecord(
    long Sequence,
    Guid Id,
    DateTimeOffset RecordedAt,
    string Actor,
    string Action,
    string Resource,
    string Outcome,
    string? Purpose,
    string? SourceAddress,
    string? Detail,
    string? TraceId,
    byte[] PreviousHash,
    byte[] Hash);
