using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Counting;

/// <summary>
/// A roll version as the counting rules see it: its units (rules 1–2) and owners (rules 3–8).
/// Immutable once built (lookups for people are built on first use, thread-safely); built once
/// per roll version and shared by every count of that version.
/// </summary>
public sealed class CountedRoll
{
    private readonly Dictionary<HolderKey, RollHolder> holdersByKey;
    private readonly Dictionary<string, int> propertyIndexes;
    private readonly UnitProperty[] properties;
    // Owners by member, flattened: the owners of holder i are ownersByHolder[ownerStarts[i]..ownerStarts[i + 1]].
    private readonly Owner[] ownersByHolder;
    private readonly int[] ownerStarts;
    private readonly Lazy<Dictionary<string, Unit>> unitsById;
    private readonly Lazy<Dictionary<OwnerKey, Owner>> ownersByKey;
    private readonly Lazy<Dictionary<string, Unit>> landByLot;

    private CountedRoll(string version, RollUnits units)
    {
        Version = version;
        Holders = units.Holders;
        Units = units.Units;
        holdersByKey = units.HoldersByKey;
        propertyIndexes = units.PropertyIndexes;
        properties = units.Properties;
        (OwnerArray, NotCounted) = RollOwners.From(units.Units, units.Holders.Count, this);
        (ownersByHolder, ownerStarts) = IndexOwnersByMember(Holders.Count, OwnerArray);
        foreach (var unit in Units)
        {
            TotalLandAreaM2 += unit.LandAreaM2;
            if (unit.IsPublicLand) PublicLandAreaM2 += unit.LandAreaM2;
        }
        unitsById = new(() => Units.ToDictionary(u => u.Id));
        ownersByKey = new(() => OwnerArray.ToDictionary(o => o.Key));
        landByLot = new(() => Units.Where(u => u.IsLand).GroupBy(u => u.Main.LotNumber).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single()));
    }

    /// <summary>
    /// Rows must be validated (registry-format.md); a superficies whose lot has no single land
    /// parcel cannot be placed and is refused with <see cref="ArgumentException"/>.
    /// </summary>
    /// <param name="version">The roll version ("sha256:…") the tally reports.</param>
    public static CountedRoll Build(IReadOnlyList<RollRow> rows, string version = "") => new(version, RollUnits.From(rows));

    /// <summary>
    /// A stored roll whose holders the service already knows by pseudonymous id: <paramref name="keys"/>
    /// gives each row's holder, so counting never needs the personal data a holder key is made of.
    /// </summary>
    public static CountedRoll Build(IReadOnlyList<RollRow> rows, IReadOnlyList<HolderKey> keys, string version)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(keys.Count, rows.Count, nameof(keys));
        return new(version, RollUnits.From(rows, keys));
    }

    /// <summary>An accepted roll, with its version.</summary>
    public static CountedRoll Build(Roll roll) => Build(roll.Rows, roll.Version);

    public string Version { get; }

    /// <summary>Everyone on the roll, unlocatable holders included, in order of first appearance.</summary>
    public IReadOnlyList<RollHolder> Holders { get; }

    /// <summary>In roll order of their land parcel or building.</summary>
    public IReadOnlyList<Unit> Units { get; }

    /// <summary>The denominator of the owner count, in roll order of their first unit.</summary>
    public IReadOnlyList<Owner> Owners => OwnerArray;

    /// <summary>Units that add no owner (rule 8).</summary>
    public IReadOnlyList<UncountedUnit> NotCounted { get; }

    /// <summary>All land parcels, counted or not, public or not (rule 13).</summary>
    public decimal TotalLandAreaM2 { get; }

    public decimal PublicLandAreaM2 { get; }

    public RollHolder? FindHolder(HolderKey key) => holdersByKey.GetValueOrDefault(key);

    public UnitProperty? FindProperty(string propertyId) => propertyIndexes.TryGetValue(propertyId, out var i) ? properties[i] : null;

    /// <summary>By the id of its land parcel or building.</summary>
    public Unit? FindUnit(string unitId) => unitsById.Value.GetValueOrDefault(unitId);

    public Owner? FindOwner(OwnerKey key) => ownersByKey.Value.GetValueOrDefault(key);

    /// <summary>The owner the unit counts for; null for a unit that adds no owner (rule 8).</summary>
    public Owner? OwnerOf(Unit unit) => unit.Owner;

    /// <summary>
    /// The owners whose consent depends on this holder: at most one as sole holder or authority,
    /// and every group they are a counted member of. Empty for an unlocatable or unknown holder.
    /// </summary>
    public IReadOnlyList<Owner> OwnersOf(HolderKey key) =>
        holdersByKey.TryGetValue(key, out var holder) ? OwnersOf(holder).ToArray() : [];

    internal Owner[] OwnerArray { get; }

    internal ReadOnlySpan<Owner> OwnersOf(RollHolder holder) =>
        ownersByHolder.AsSpan(ownerStarts[holder.Index], ownerStarts[holder.Index + 1] - ownerStarts[holder.Index]);

    /// <summary>The land unit of a lot, for wording explanations.</summary>
    internal Unit? LandOnLot(string lotNumber) => landByLot.Value.GetValueOrDefault(lotNumber);

    private static (Owner[] Owners, int[] Starts) IndexOwnersByMember(int holderCount, Owner[] owners)
    {
        var starts = new int[holderCount + 1];
        foreach (var owner in owners)
            foreach (var member in owner.MemberArray) starts[member.Index + 1]++;
        for (var i = 0; i < holderCount; i++) starts[i + 1] += starts[i];
        var flat = new Owner[starts[holderCount]];
        var next = starts[..holderCount];
        foreach (var owner in owners)
            foreach (var member in owner.MemberArray) flat[next[member.Index]++] = owner;
        return (flat, starts);
    }
}
