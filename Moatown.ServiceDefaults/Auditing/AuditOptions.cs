namespace Moatown.ServiceDefaults.Auditing;

/// <summary>Section <c>Auditing</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Auditing";

    /// <summary>
    /// The RFC 3161 time-stamp authority that stamps the chain head (the documents service's TSA in a
    /// local run). Without one the chain is still kept and checked, but no head is stamped, and the
    /// inspection report says so.
    /// </summary>
    public string? TimeStampUrl { get; set; }

    /// <summary>How often the head is stamped when the chain has grown since the last stamp.</summary>
    public TimeSpan AnchorInterval { get; set; } = TimeSpan.FromHours(1);
}
