using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Counting;

/// <summary>
/// What the counting rules count: a land parcel with the superficies that burden it, or a
/// building (rule 1). Its identity across roll versions is its main property's id.
/// </summary>
public sealed class Unit
{
    internal Unit(UnitProperty main, UnitProperty[] superficies)
    {
        Main = main;
        Superficies = superficies;
        PropertyArray = superficies.Length == 0 ? [main] : [main, .. superficies];
        RollHolder[] holders = PropertyArray is [{ HoldingArray: [var only] }] ? [only.Holder] : SortedHolders(PropertyArray);
        Holders = holders;
        CountedHolderArray = Array.TrueForAll(holders, h => !h.IsUnlocatable) ? holders : Array.FindAll(holders, h => !h.IsUnlocatable);
    }

    /// <summary>The land parcel's or the building's property id, e.g. <c>L-10</c>.</summary>
    public string Id => Main.PropertyId;

    /// <summary>The land parcel or the building.</summary>
    public UnitProperty Main { get; }

    public IReadOnlyList<UnitProperty> Superficies { get; }

    /// <summary>The main property first, then its superficies.</summary>
    public IReadOnlyList<UnitProperty> Properties => PropertyArray;

    /// <summary>Everyone on the unit's rows (rule 2), each once, in order of first appearance in the roll.</summary>
    public IReadOnlyList<RollHolder> Holders { get; }

    /// <summary>The holders left once unlocatable holders are taken out (rule 8).</summary>
    public IReadOnlyList<RollHolder> CountedHolders => CountedHolderArray;

    public bool IsLand => Main.Kind == PropertyKind.Land;

    /// <summary>The parcel's whole area; zero for a building (rule 14).</summary>
    public decimal LandAreaM2 => Main.LandAreaM2 ?? 0m;

    public bool IsPublicLand => Main.IsPublicLand;

    /// <summary>For people: <c>L-10 with S-1</c>.</summary>
    public string Label => Superficies.Count == 0 ? Id : $"{Id} with {string.Join(", ", Superficies.Select(s => s.PropertyId))}";

    /// <summary>The owner this unit counts for; null when it adds no owner (rule 8).</summary>
    internal Owner? Owner { get; set; }

    // Arrays for the counting loops: enumerating them through interfaces would allocate.
    internal UnitProperty[] PropertyArray { get; }
    internal RollHolder[] CountedHolderArray { get; }

    public override string ToString() => Label;

    private static RollHolder[] SortedHolders(UnitProperty[] properties)
    {
        var size = 0;
        foreach (var property in properties) size += property.HoldingArray.Length;
        var all = new RollHolder[size];
        var count = 0;
        // Insertion by roll order: a unit has a handful of holders.
        foreach (var property in properties)
            foreach (var holding in property.HoldingArray)
            {
                if (Array.IndexOf(all, holding.Holder, 0, count) >= 0) continue;
                var i = count++;
                for (; i > 0 && all[i - 1].Index > holding.Holder.Index; i--) all[i] = all[i - 1];
                all[i] = holding.Holder;
            }
        return count == all.Length ? all : all[..count];
    }
}

/// <summary>One property of the roll (all the rows with one property_id).</summary>
public sealed class UnitProperty
{
    internal UnitProperty(string propertyId, PropertyKind kind, string lotNumber, decimal? landAreaM2, Holding[] holdings)
    {
        PropertyId = propertyId;
        Kind = kind;
        LotNumber = lotNumber;
        LandAreaM2 = kind == PropertyKind.Land ? landAreaM2 : null;
        HoldingArray = holdings;
        IsPublicLand = kind == PropertyKind.Land && Array.TrueForAll(holdings, h => h.Holder.Type == OwnerType.Public);
        var counted = Array.TrueForAll(holdings, h => !h.Holder.IsUnlocatable) ? holdings : Array.FindAll(holdings, h => !h.Holder.IsUnlocatable);
        CountedArray = counted;
        var shares = Fraction.Zero;
        RollHolder? marked = null;
        var markedCount = 0;
        foreach (var holding in counted)
        {
            shares += holding.Share;
            if (holding.IsRepresentative) (marked, markedCount) = (holding.Holder, markedCount + 1);
        }
        CountedShares = shares;
        Representative = counted.Length == 1 ? counted[0].Holder : markedCount == 1 ? marked : null;
    }

    public string PropertyId { get; }
    public PropertyKind Kind { get; }
    public string LotNumber { get; }
    public decimal? LandAreaM2 { get; }

    /// <summary>One per holder (rows of the same holder on one property are merged), in row order.</summary>
    public IReadOnlyList<Holding> Holdings => HoldingArray;

    /// <summary>The holdings of locatable holders: the only ones whose consent can count (rule 8).</summary>
    public IReadOnlyList<Holding> CountedHoldings => CountedArray;

    /// <summary>
    /// The sum of the counted holdings' shares: the base of the majority rule (rule 10), since
    /// unlocatable holders are out of the group and their shares neither consent nor refuse.
    /// </summary>
    public Fraction CountedShares { get; }

    /// <summary>
    /// Who speaks for this property: its only counted holder, or the counted holder marked
    /// <c>Y</c>; null when several counted holders remain and none (or an unlocatable one) is marked.
    /// </summary>
    public RollHolder? Representative { get; }

    /// <summary>Land held by public owners only; a parcel shared with a private owner is not public land.</summary>
    public bool IsPublicLand { get; }

    public override string ToString() => PropertyId;

    internal Holding[] HoldingArray { get; }
    internal Holding[] CountedArray { get; }
}

public readonly record struct Holding(RollHolder Holder, Fraction Share, bool IsRepresentative);
