namespace Moatown.Campaigns.Registry;

/// <summary>
/// One row of an owner roll: one holder of one property, as validated from the organizer's CSV
/// (see shared/docs/registry-format.md). Personal data stays in this type only while a roll is
/// being imported and counted; it is encrypted before it is stored.
/// </summary>
public sealed record RollRow
{
    /// <summary>1-based line of the CSV record this row came from (its first line, for multi-line records).</summary>
    public required int Line { get; init; }
    public required string PropertyId { get; init; }
    public required PropertyKind PropertyKind { get; init; }
    public required string LotNumber { get; init; }
    /// <summary>The parcel's whole area in m²; only on land rows.</summary>
    public decimal? LandAreaM2 { get; init; }
    public string? OwnerId { get; init; }
    /// <summary>Trimmed, inner spaces collapsed.</summary>
    public required string OwnerName { get; init; }
    public DateOnly? BirthDate { get; init; }
    /// <summary>E.164 (+8210…), or null.</summary>
    public string? Phone { get; init; }
    public required Fraction Share { get; init; }
    public bool IsRepresentative { get; init; }
    public required OwnerType OwnerType { get; init; }
    public string? ManagingAuthority { get; init; }
    public HolderStatus Status { get; init; } = HolderStatus.Normal;
    public string? Address { get; init; }

    /// <summary>
    /// Who this row's holder is, across rows and roll versions: the roll's owner_id when given,
    /// otherwise name and birth date (persons) or name (corporations), or the managing authority
    /// (public owners, each of which counts once).
    /// </summary>
    public HolderKey Holder => HolderKey.Of(this);
}

public enum PropertyKind { Land, Building, Superficies }

public enum OwnerType { Person, Corporation, Public }

public enum HolderStatus { Normal, Unlocatable }
