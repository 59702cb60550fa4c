namespace Moatown.Campaigns.Registry;

/// <summary>The columns of the roll CSV (registry-format.md), in the order of the specification.</summary>
internal enum RollColumn
{
    PropertyId,
    PropertyKind,
    LotNumber,
    LandAreaM2,
    OwnerId,
    OwnerName,
    BirthDate,
    Phone,
    Share,
    Representative,
    OwnerType,
    ManagingAuthority,
    Status,
    Address,
}

/// <param name="Name">The English header name, also the column named in errors.</param>
/// <param name="Alias">The Korean header name accepted instead.</param>
/// <param name="Required">The header must have it. Columns needed only on some rows (area, birth
/// date, managing authority) may be left out of a roll that has no such rows.</param>
internal sealed record RollColumnInfo(RollColumn Column, string Name, string Alias, bool Required);

internal static class RollColumns
{
    public static readonly IReadOnlyList<RollColumnInfo> All =
    [
        new(RollColumn.PropertyId, "property_id", "물건번호", Required: true),
        new(RollColumn.PropertyKind, "property_kind", "구분", Required: true),
        new(RollColumn.LotNumber, "lot_number", "지번", Required: true),
        new(RollColumn.LandAreaM2, "land_area_m2", "면적", Required: false),
        new(RollColumn.OwnerId, "owner_id", "소유자번호", Required: false),
        new(RollColumn.OwnerName, "owner_name", "성명", Required: true),
        new(RollColumn.BirthDate, "birth_date", "생년월일", Required: false),
        new(RollColumn.Phone, "phone", "연락처", Required: false),
        new(RollColumn.Share, "share", "지분", Required: true),
        new(RollColumn.Representative, "representative", "대표자", Required: false),
        new(RollColumn.OwnerType, "owner_type", "소유구분", Required: true),
        new(RollColumn.ManagingAuthority, "managing_authority", "재산관리청", Required: false),
        new(RollColumn.Status, "status", "상태", Required: false),
        new(RollColumn.Address, "address", "주소", Required: false),
    ];

    public static RollColumnInfo Info(this RollColumn column) => All[(int)column];

    public static string Name(this RollColumn column) => All[(int)column].Name;

    /// <summary>"land_area_m2 (면적)", for reasons that tell staff which header to add.</summary>
    public static string Described(this RollColumn column) => $"{column.Name()} ({column.Info().Alias})";

    /// <summary>Where a column comes in the specification; whole-line problems first, unknown columns last.</summary>
    public static int Position(string? name) =>
        name is null ? -1 : All.FirstOrDefault(c => c.Name == name) is { } info ? (int)info.Column : All.Count;

    public static RollColumnInfo? Find(string header) =>
        All.FirstOrDefault(c => string.Equals(c.Name, header, StringComparison.OrdinalIgnoreCase) || c.Alias == header);
}
