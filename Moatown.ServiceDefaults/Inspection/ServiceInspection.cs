using Moatown.ServiceDefaults.Auditing;

namespace Moatown.ServiceDefaults.Inspection;

/// <summary>
/// What one service reports about its own security controls, measured when asked: the inspection
/// report the city's guidelines require is put together from one of these per service.
/// </summary>
public sealed record ServiceInspection(
    string Service,
    DateTimeOffset InspectedAt,
    DatabaseControls Database,
    IReadOnlyList<EncryptedStore> Stores,
    IReadOnlyList<KeyStatus> Keys,
    IReadOnlyList<CertificateStatus> Certificates,
    AuditApi.AuditVerificationView Audit,
    IReadOnlyList<string> Warnings);

/// <summary>
/// The database's side: whether the service runs as its restricted role, and continuous archiving
/// (PostgreSQL's WAL archiver), the base of point-in-time backups.
/// </summary>
public sealed record DatabaseControls(string? RuntimeRole, string ArchiveMode, long ArchivedSegments, DateTimeOffset? LastArchivedAt,
    long FailedArchiveAttempts, DateTimeOffset? LastFailedAt);

/// <summary>
/// One column that holds personal data, counted now: how many values are ciphertext and under which
/// key, and how many are not (which should be none).
/// </summary>
public sealed record EncryptedStore(string Table, string Column, string Holds, string Method, long Values, long Encrypted,
    IReadOnlyDictionary<string, long> ByKey)
{
    public long NotEncrypted => Values - Encrypted;
}

/// <summary>A key the service uses: when it was issued and last rotated, where that is known.</summary>
public sealed record KeyStatus(string Name, string Id, bool Active, DateTimeOffset? IssuedAt, DateTimeOffset? RotatedAt, string? Note);

public sealed record CertificateStatus(string Name, string Subject, DateTimeOffset NotBefore, DateTimeOffset NotAfter);

/// <summary>A service's own contribution beyond the common checks: its keys and certificates.</summary>
public interface IInspectionContributor
{
    Task ContributeAsync(InspectionFindings findings, CancellationToken cancellationToken);
}

public sealed class InspectionFindings
{
    public List<KeyStatus> Keys { get; } = [];
    public List<CertificateStatus> Certificates { get; } = [];
    public List<EncryptedStore> Stores { get; } = [];
    /// <summary>Something the service itself knows is wrong (e.g. documents that keep failing to seal).</summary>
    public List<string> Warnings { get; } = [];
}
