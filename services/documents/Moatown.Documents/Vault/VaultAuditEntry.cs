namespace Moatown.Documents.Vault;

/// <summary>
/// One line of the vault's audit trail: who did what to which document or campaign, and how it
/// ended. Append-only (the database refuses updates and deletes of this table).
/// </summary>
public sealed class VaultAuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>The token subject (staff account or client), or "documents" for the service's own reads.</summary>
    public required string Actor { get; init; }
    /// <summary>One of <see cref="VaultActions"/>.</summary>
    public required string Action { get; init; }
    public Guid? DocumentId { get; init; }
    public Guid? CampaignId { get; init; }
    /// <summary>"ok", "denied", "shredded", "refused", or a rotation's or shred's counts.</summary>
    public required string Outcome { get; init; }
    /// <summary>Why: the purpose a reader gave for a download, or the reason for a shred.</summary>
    public string? Purpose { get; init; }
}

/// <summary>The actions the vault's audit trail records.</summary>
public static class VaultActions
{
    public const string Store = "store";
    public const string Read = "read";
    public const string Download = "download";
    public const string Rotate = "rotate";
    public const string Shred = "shred";
    public const string IntegrityFailure = "integrity-failure";
    /// <summary>Read into, or the handing out of, a campaign's submission package.</summary>
    public const string Package = "package";
}
