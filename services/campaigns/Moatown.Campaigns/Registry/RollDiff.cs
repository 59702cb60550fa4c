namespace Moatown.Campaigns.Registry;

/// <summary>
/// What changed from one roll version to the next, for the import report and the transfer rule
/// (counting-rules.md, rule 16). Properties keep their identity by property_id, holders by
/// <see cref="HolderKey"/>. Lists follow file order: the current roll's for what is new, the
/// previous roll's for what is gone.
/// </summary>
public sealed record RollDiff(
    IReadOnlyList<string> PropertiesAdded,
    IReadOnlyList<string> PropertiesRemoved,
    IReadOnlyList<HolderChange> HoldersChanged)
{
    public bool IsEmpty => PropertiesAdded.Count == 0 && PropertiesRemoved.Count == 0 && HoldersChanged.Count == 0;

    public static RollDiff Between(Roll previous, Roll current)
    {
        var before = ByProperty(previous);
        var after = ByProperty(current);

        var added = after.Keys.Where(id => !before.ContainsKey(id)).ToList();
        var removed = before.Keys.Where(id => !after.ContainsKey(id)).ToList();
        var changed = new List<HolderChange>();
        foreach (var (id, holders) in after)
        {
            if (!before.TryGetValue(id, out var earlier)) continue;
            var joined = holders.Where(h => !earlier.ContainsKey(h.Key)).Select(h => h.Value).ToList();
            var left = earlier.Where(h => !holders.ContainsKey(h.Key)).Select(h => h.Value).ToList();
            if (joined.Count > 0 || left.Count > 0) changed.Add(new HolderChange(id, joined, left));
        }
        return new RollDiff(added, removed, changed);
    }

    // Dictionary enumeration keeps insertion order while nothing is removed: that gives file order.
    private static Dictionary<string, Dictionary<HolderKey, RollRow>> ByProperty(Roll roll)
    {
        var properties = new Dictionary<string, Dictionary<HolderKey, RollRow>>(StringComparer.Ordinal);
        foreach (var row in roll.Rows)
        {
            if (!properties.TryGetValue(row.PropertyId, out var holders))
                properties[row.PropertyId] = holders = [];
            holders.TryAdd(row.Holder, row);
        }
        return properties;
    }
}

/// <summary>
/// Holders of a property that is in both rolls: rows of the current roll for those who joined,
/// rows of the previous roll for those who left. A holder whose share or details changed but who
/// is still the same <see cref="HolderKey"/> is not a change of holder.
/// </summary>
public sealed record HolderChange(string PropertyId, IReadOnlyList<RollRow> Joined, IReadOnlyList<RollRow> Left);
