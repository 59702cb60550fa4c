using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Counting;

/// <summary>Rules 1–2: the holders, properties and units of a roll.</summary>
internal sealed class RollUnits
{
    private RollUnits(List<RollHolder> holders, Dictionary<HolderKey, RollHolder> holdersByKey, Dictionary<string, int> propertyIndexes, UnitProperty[] properties, List<Unit> units)
    {
        Holders = holders;
        HoldersByKey = holdersByKey;
        PropertyIndexes = propertyIndexes;
        Properties = properties;
        Units = units;
    }

    public List<RollHolder> Holders { get; }
    public Dictionary<HolderKey, RollHolder> HoldersByKey { get; }

    /// <summary>Property id → position in <see cref="Properties"/>.</summary>
    public Dictionary<string, int> PropertyIndexes { get; }

    /// <summary>In order of first appearance in the roll.</summary>
    public UnitProperty[] Properties { get; }

    public List<Unit> Units { get; }

    /// <param name="keys">The holder of each row, when the caller identifies holders otherwise than by <see cref="RollRow.Holder"/>.</param>
    public static RollUnits From(IReadOnlyList<RollRow> rows, IReadOnlyList<HolderKey>? keys = null)
    {
        // Two passes over the rows with plain indexes in between, so that each property gets one
        // exactly sized array: building the model of a large roll is mostly allocation.
        var holders = new List<RollHolder>();
        var holdersByKey = new Dictionary<HolderKey, RollHolder>();
        var propertyIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstRows = new List<RollRow>();
        var holdingCounts = new List<int>();
        var rowHolders = new RollHolder[rows.Count];
        var rowProperties = new int[rows.Count];

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var key = keys is null ? row.Holder : keys[i];
            if (!holdersByKey.TryGetValue(key, out var holder))
            {
                var isAuthority = row is { OwnerType: OwnerType.Public, ManagingAuthority: not null };
                holder = new RollHolder(holders.Count, key, isAuthority ? row.ManagingAuthority! : row.OwnerName, row.OwnerType, isAuthority);
                holders.Add(holder);
                holdersByKey.Add(key, holder);
            }
            if (row.Status != HolderStatus.Unlocatable) holder.IsUnlocatable = false;

            if (!propertyIndexes.TryGetValue(row.PropertyId, out var p))
            {
                propertyIndexes.Add(row.PropertyId, p = firstRows.Count);
                firstRows.Add(row);
                holdingCounts.Add(0);
            }
            holdingCounts[p]++;
            rowHolders[i] = holder;
            rowProperties[i] = p;
        }

        var holdings = new Holding[firstRows.Count][];
        var filled = new int[firstRows.Count];
        for (var p = 0; p < holdings.Length; p++) holdings[p] = new Holding[holdingCounts[p]];
        for (var i = 0; i < rows.Count; i++)
        {
            var (p, holder, row) = (rowProperties[i], rowHolders[i], rows[i]);
            var list = holdings[p];
            // Validation refuses duplicate rows; should the same holder still appear twice on a
            // property, their shares add up rather than one row hiding the other.
            var same = -1;
            for (var j = 0; j < filled[p] && same < 0; j++) if (list[j].Holder == holder) same = j;
            if (same < 0) list[filled[p]++] = new Holding(holder, row.Share, row.IsRepresentative);
            else list[same] = new Holding(holder, list[same].Share + row.Share, list[same].IsRepresentative || row.IsRepresentative);
        }

        // Properties are finished only now: a holder's status is known once all their rows are read.
        var properties = new UnitProperty[firstRows.Count];
        for (var p = 0; p < properties.Length; p++)
        {
            var first = firstRows[p];
            var merged = filled[p] == holdings[p].Length ? holdings[p] : holdings[p][..filled[p]];
            properties[p] = new UnitProperty(first.PropertyId, first.PropertyKind, first.LotNumber, first.LandAreaM2, merged);
        }
        return new RollUnits(holders, holdersByKey, propertyIndexes, properties, BuildUnits(properties));
    }

    private static List<Unit> BuildUnits(UnitProperty[] properties)
    {
        var mains = new List<UnitProperty>(properties.Length);
        var superficies = new List<UnitProperty>();
        foreach (var property in properties)
            (property.Kind == PropertyKind.Superficies ? superficies : mains).Add(property);

        // Only the lots that carry a superficies need their land looked up. Two parcels on one lot
        // make the lot ambiguous, which only matters to a superficies on it.
        var landByLot = new Dictionary<string, UnitProperty?>(StringComparer.Ordinal);
        foreach (var s in superficies) landByLot.TryAdd(s.LotNumber, null);
        var parcelsOnLot = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var land in mains)
            if (land.Kind == PropertyKind.Land && landByLot.ContainsKey(land.LotNumber))
            {
                parcelsOnLot[land.LotNumber] = parcelsOnLot.GetValueOrDefault(land.LotNumber) + 1;
                landByLot[land.LotNumber] = land;
            }

        var superficiesByLand = new Dictionary<UnitProperty, List<UnitProperty>>();
        foreach (var s in superficies)
        {
            var land = landByLot[s.LotNumber];
            if (land is null)
                throw new ArgumentException($"Superficies {s.PropertyId} is on lot {s.LotNumber}, which has no land parcel in the roll.");
            if (parcelsOnLot[s.LotNumber] > 1)
                throw new ArgumentException($"Superficies {s.PropertyId} is on lot {s.LotNumber}, which has several land parcels: it cannot join one unit.");
            if (!superficiesByLand.TryGetValue(land, out var list)) superficiesByLand.Add(land, list = []);
            list.Add(s);
        }

        var units = new List<Unit>(mains.Count);
        foreach (var main in mains)
            units.Add(new Unit(main, superficiesByLand.TryGetValue(main, out var list) ? list.ToArray() : []));
        return units;
    }
}
