using System.Globalization;
using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Registry;

namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>A holder as the roll names them, for building rows in tests.</summary>
internal sealed record Who(string Name, DateOnly? BirthDate, OwnerType Type, string? Authority = null, HolderStatus Status = HolderStatus.Normal)
{
    public static Who Person(string name, string birthDate) =>
        new(name, DateOnly.ParseExact(birthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), OwnerType.Person);

    public static Who Corporation(string name) => new(name, null, OwnerType.Corporation);

    public static Who Public(string name, string authority) => new(name, null, OwnerType.Public, authority);

    public Who Unlocatable() => this with { Status = HolderStatus.Unlocatable };

    public HolderKey Key => Row("-", PropertyKind.Land, "-", 1, Fraction.One, false, 0).Holder;

    /// <summary>A share of a property: "1", "1/2" or "0.5".</summary>
    public Stake Holds(string share = "1", bool representative = false) => new(this, ParseShare(share), representative);

    public RollRow Row(string propertyId, PropertyKind kind, string lot, decimal? area, Fraction share, bool representative, int line) => new()
    {
        Line = line,
        PropertyId = propertyId,
        PropertyKind = kind,
        LotNumber = lot,
        LandAreaM2 = area,
        OwnerName = Name,
        BirthDate = BirthDate,
        Share = share,
        IsRepresentative = representative,
        OwnerType = Type,
        ManagingAuthority = Authority,
        Status = Status,
    };

    public override string ToString() => Name;

    private static Fraction ParseShare(string share) =>
        share.Split('/') is [var n, var d]
            ? new Fraction(int.Parse(n, CultureInfo.InvariantCulture), int.Parse(d, CultureInfo.InvariantCulture))
            : Fraction.FromDecimal(decimal.Parse(share, CultureInfo.InvariantCulture));
}

internal sealed record Stake(Who Who, Fraction Share, bool Representative);

/// <summary>Builds roll rows in code, property by property (the CSV parser is tested on its own).</summary>
internal sealed class RollBuilder
{
    private readonly List<RollRow> rows = [];

    public IReadOnlyList<RollRow> Rows => rows;

    public RollBuilder Land(string id, string lot, decimal area, params Stake[] holders) => Add(id, PropertyKind.Land, lot, area, holders);

    public RollBuilder Building(string id, string lot, params Stake[] holders) => Add(id, PropertyKind.Building, lot, null, holders);

    public RollBuilder Superficies(string id, string lot, params Stake[] holders) => Add(id, PropertyKind.Superficies, lot, null, holders);

    public CountedRoll Build(string version = "sha256:test") => CountedRoll.Build(rows, version);

    private RollBuilder Add(string id, PropertyKind kind, string lot, decimal? area, Stake[] holders)
    {
        foreach (var stake in holders)
            rows.Add(stake.Who.Row(id, kind, lot, area, stake.Share, stake.Representative, rows.Count + 2));
        return this;
    }
}
