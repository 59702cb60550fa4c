namespace Moatown.Campaigns.Registry;

/// <summary>
/// A row as far as it could be read: a value is null when it is missing or wrong. The cross-row
/// checks use whatever is known, so one bad value does not hide the roll's other errors.
/// </summary>
internal sealed class RollRowDraft
{
    public required int Line { get; init; }
    public bool HasErrors { get; set; }
    public string? PropertyId { get; set; }
    public PropertyKind? Kind { get; set; }
    public string? LotNumber { get; set; }
    public decimal? LandAreaM2 { get; set; }
    public string? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Phone { get; set; }
    public Fraction? Share { get; set; }
    public bool? IsRepresentative { get; set; }
    public OwnerType? OwnerType { get; set; }
    public string? ManagingAuthority { get; set; }
    public HolderStatus? Status { get; set; }
    public string? Address { get; set; }

    /// <summary>
    /// The values of a line whose quoting or number of values is broken, so which column holds
    /// what is unknown; kept so that a check can still ask whether a value might be on it.
    /// </summary>
    public IReadOnlyList<string>? UnplacedValues { get; set; }

    private RollRow? _row;

    /// <summary>The row, when nothing in it was wrong.</summary>
    public RollRow? ToRow() => HasErrors ? null : _row ??= new RollRow
    {
        Line = Line,
        PropertyId = PropertyId!,
        PropertyKind = Kind!.Value,
        LotNumber = LotNumber!,
        LandAreaM2 = LandAreaM2,
        OwnerId = OwnerId,
        OwnerName = OwnerName!,
        BirthDate = BirthDate,
        Phone = Phone,
        Share = Share!.Value,
        IsRepresentative = IsRepresentative ?? false,
        OwnerType = OwnerType!.Value,
        ManagingAuthority = ManagingAuthority,
        Status = Status ?? HolderStatus.Normal,
        Address = Address,
    };
}
