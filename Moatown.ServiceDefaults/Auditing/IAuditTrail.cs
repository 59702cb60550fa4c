namespace Moatown.ServiceDefaults.Auditing;

/// <summary>
/// This service's audit trail: append-only, hash-chained records of who did what to which resource,
/// when, from where, and with what outcome. A record written inside an open transaction of the
/// service's DbContext commits or rolls back with the change it describes.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);
}

/// <summary>
/// One thing to record. <paramref name="Action"/> is a dotted verb such as <c>staff.sign-in</c>;
/// <paramref name="Resource"/> names what it touched (<c>account/{id}</c>, <c>campaign/{id}/holder/{id}</c>).
/// Never put personal data here: ids and pseudonymous keys only.
/// </summary>
public sealed record AuditEntry(string Action, string Resource, string Outcome)
{
    /// <summary>Who acted; when null, the caller's token subject, else "anonymous".</summary>
    public string? Actor { get; init; }

    /// <summary>Why, when the action needs a stated purpose (a full view of personal data).</summary>
    public string? Purpose { get; init; }

    public IReadOnlyDictionary<string, string>? Detail { get; init; }
}

public static class AuditOutcomes
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Denied = "denied";
}
