namespace Moatown.Campaigns.Counting;

/// <summary>Rules 3–8: which owners the units add to the count.</summary>
internal static class RollOwners
{
    /// <summary>Also links each counted unit to its owner.</summary>
    public static (Owner[] Owners, List<UncountedUnit> NotCounted) From(IReadOnlyList<Unit> units, int holderCount, CountedRoll roll)
    {
        var drafts = new List<OwnerDraft>();
        // The owner is the set of counted holders: a sole holder is the same owner on every unit
        // (rule 4), a group the same on every unit with exactly its holders (rule 5), and a group
        // left with one holder once unlocatable ones drop out (rule 8) is that holder.
        // Sole holders, the most common owners, are found by position rather than by hashing.
        var soleDraft = new int[holderCount];
        var groupDraft = new Dictionary<RollHolder[], int>(SameHolders.Instance);
        var notCounted = new List<UncountedUnit>();
        foreach (var unit in units)
        {
            var members = unit.CountedHolderArray;
            if (members.Length == 0)
            {
                notCounted.Add(new UncountedUnit(unit, OwnerReasons.NotCounted(unit)));
                continue;
            }
            int d;
            if (members.Length == 1)
            {
                d = soleDraft[members[0].Index] - 1;
                if (d < 0) soleDraft[members[0].Index] = (d = drafts.Count) + 1;
            }
            else if (!groupDraft.TryGetValue(members, out d))
                groupDraft.Add(members, d = drafts.Count);

            if (d == drafts.Count) drafts.Add(new OwnerDraft(members, unit));
            else drafts[d].Add(unit);
        }

        var owners = new Owner[drafts.Count];
        for (var i = 0; i < owners.Length; i++)
        {
            var draft = drafts[i];
            var ownerUnits = draft.Units();
            var members = draft.Members;
            var kind = members.Length > 1 ? OwnerKind.Group : members[0].IsAuthority ? OwnerKind.Authority : OwnerKind.SoleHolder;
            owners[i] = new Owner(i, kind, members, kind == OwnerKind.Group ? RepresentativeOf(ownerUnits) : null, ownerUnits, roll);
            foreach (var unit in ownerUnits) unit.Owner = owners[i];
        }
        return (owners, notCounted);
    }

    private sealed class OwnerDraft(RollHolder[] members, Unit first)
    {
        private List<Unit>? more;

        public RollHolder[] Members => members;

        public void Add(Unit unit) => (more ??= [first]).Add(unit);

        public Unit[] Units() => more is null ? [first] : more.ToArray();
    }

    /// <summary>
    /// Stable across roll versions (unlike holder positions): the holder's key, or for a group
    /// its members' keys in ordinal order, escaped so that two different sets never share a key.
    /// </summary>
    public static OwnerKey KeyOf(IReadOnlyList<RollHolder> members) =>
        members.Count == 1
            ? new OwnerKey(members[0].Key.Value)
            : new OwnerKey("group:" + string.Join("+", members.Select(h => h.Key.Value).Order(StringComparer.Ordinal).Select(Escape)));

    private static string Escape(string key) => key.Replace(@"\", @"\\").Replace("+", @"\+");

    /// <summary>
    /// The representative is per property, but a group consents as one (rule 10): it has one only
    /// when every property of every unit it holds names the same person. A marking on some
    /// properties only gives no authority over the others, so the shares decide instead.
    /// Properties with no counted holder (all unlocatable) add no one to the group and are skipped.
    /// </summary>
    private static RollHolder? RepresentativeOf(Unit[] units)
    {
        RollHolder? representative = null;
        foreach (var unit in units)
            foreach (var property in unit.PropertyArray)
            {
                if (property.CountedArray.Length == 0) continue;
                if (property.Representative is null) return null;
                if (representative is null) representative = property.Representative;
                else if (representative != property.Representative) return null;
            }
        return representative;
    }

    /// <summary>Counted holder arrays are in holder order, so equal sets are equal sequences.</summary>
    private sealed class SameHolders : IEqualityComparer<RollHolder[]>
    {
        public static readonly SameHolders Instance = new();

        public bool Equals(RollHolder[]? x, RollHolder[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(RollHolder[] holders)
        {
            var hash = new HashCode();
            foreach (var holder in holders) hash.Add(holder.Index);
            return hash.ToHashCode();
        }
    }
}
