namespace Moatown.UnitTests.Campaigns.Registry;

/// <summary>One roll line for a test, written as text exactly as an organizer could; defaults make a valid sole-owner land row.</summary>
internal sealed record CsvRow
{
    public string PropertyId { get; init; } = "L-1";
    public string PropertyKind { get; init; } = "land";
    public string LotNumber { get; init; } = "중화동 1-1";
    public string LandAreaM2 { get; init; } = "100";
    public string OwnerId { get; init; } = "";
    public string OwnerName { get; init; } = "김민준";
    public string BirthDate { get; init; } = "1980-01-01";
    public string Phone { get; init; } = "";
    public string Share { get; init; } = "1";
    public string Representative { get; init; } = "";
    public string OwnerType { get; init; } = "person";
    public string ManagingAuthority { get; init; } = "";
    public string Status { get; init; } = "";
    public string Address { get; init; } = "";

    public static CsvRow Land(string id = "L-1", string lot = "중화동 1-1", string area = "100") =>
        new() { PropertyId = id, LotNumber = lot, LandAreaM2 = area };

    public static CsvRow Building(string id = "B-1", string lot = "중화동 1-1") =>
        new() { PropertyId = id, PropertyKind = "building", LotNumber = lot, LandAreaM2 = "" };

    public static CsvRow Superficies(string id = "S-1", string lot = "중화동 1-1") =>
        new() { PropertyId = id, PropertyKind = "superficies", LotNumber = lot, LandAreaM2 = "", OwnerName = "주식회사 한빛", BirthDate = "", OwnerType = "corporation" };

    public static CsvRow PublicLand(string id = "L-9", string lot = "중화동 1-9", string authority = "중랑구") =>
        new() { PropertyId = id, LotNumber = lot, OwnerName = authority, BirthDate = "", OwnerType = "public", ManagingAuthority = authority };

    public CsvRow Holder(string name, string birthDate, string share = "1") =>
        this with { OwnerName = name, BirthDate = birthDate, Share = share };

    public string ToCsv() => string.Join(',', new[]
    {
        PropertyId, PropertyKind, LotNumber, LandAreaM2, OwnerId, OwnerName, BirthDate, Phone, Share,
        Representative, OwnerType, ManagingAuthority, Status, Address,
    }.Select(Quoted));

    private static string Quoted(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
