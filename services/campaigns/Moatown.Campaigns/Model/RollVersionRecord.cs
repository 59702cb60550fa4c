namespace Moatown.Campaigns.Model;

/// <summary>One accepted import of a campaign's owner roll. Versions are kept, never overwritten.</summary>
public sealed class RollVersionRecord
{
    public Guid Id { get; init; }
    public Guid CampaignId { get; init; }
    /// <summary>"sha256:…" of the canonical content: the same roll imported twice has the same version.</summary>
    public required string Version { get; init; }
    public DateTimeOffset ImportedAt { get; init; }
    /// <summary>Subject of the staff member or client who imported it.</summary>
    public required string ImportedBy { get; init; }
    public int Rows { get; init; }
    public int Properties { get; init; }
    public int Holders { get; init; }
    public int Warnings { get; init; }
    /// <summary>The version in force; exactly one per campaign once a roll exists.</summary>
    public bool IsCurrent { get; set; }
}
