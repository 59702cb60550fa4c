using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Model;

/// <summary>
/// One stored row of a roll version. Personal data (the roll's owner id, name, birth date,
/// phone, address) is kept only encrypted; everything the count needs without identifying a
/// person (property, share, kind, status) stays readable.
/// </summary>
public sealed class RollEntry
{
    public long Id { get; init; }
    public Guid RollVersionId { get; init; }
    public Guid HolderId { get; init; }
    public int Line { get; init; }
    public required string PropertyId { get; init; }
    public PropertyKind PropertyKind { get; init; }
    public required string LotNumber { get; init; }
    public decimal? LandAreaM2 { get; init; }
    /// <summary>Exact, as "numerator/denominator".</summary>
    public required string Share { get; init; }
    public bool IsRepresentative { get; init; }
    public OwnerType OwnerType { get; init; }
    public string? ManagingAuthority { get; init; }
    public HolderStatus Status { get; init; }
    public string? OwnerIdProtected { get; init; }
    public required string OwnerNameProtected { get; init; }
    public string? BirthDateProtected { get; init; }
    public string? PhoneProtected { get; init; }
    public string? AddressProtected { get; init; }
    /// <summary>Blind index of a person's name and birth date: a resident identified by a certificate provider is found by it.</summary>
    public string? PersonIndex { get; init; }
    /// <summary>Blind index of a person's name, birth date and phone: a resident arriving by the campaign's QR code is found by it.</summary>
    public string? ContactIndex { get; init; }
}
