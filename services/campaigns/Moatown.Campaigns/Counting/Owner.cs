namespace Moatown.Campaigns.Counting;

/// <summary>
/// Stable identity of an owner across roll versions: the holder's key for a sole holder or an
/// authority, the sorted set of member keys for a group (rule 5: the same set is the same group).
/// </summary>
public readonly record struct OwnerKey(string Value)
{
    public override string ToString() => Value;
}

public enum OwnerKind
{
    /// <summary>A person or corporation who is the only counted holder of its units (rules 3, 4).</summary>
    SoleHolder,

    /// <summary>A managing authority of public land (rule 7).</summary>
    Authority,

    /// <summary>Several counted holders of a unit, counted as one (rules 3, 5).</summary>
    Group,
}

/// <summary>Why an owner is counted the way it is: the rule of counting-rules.md and a sentence.</summary>
public sealed record CountingReason(int Rule, string Text)
{
    public override string ToString() => $"{Rule}: {Text}";
}

/// <summary>One owner of the count: one in the denominator, one in the numerator when it consents.</summary>
public sealed class Owner
{
    private OwnerKey? key;
    private string? name;
    private IReadOnlyList<CountingReason>? reasons;

    internal Owner(int index, OwnerKind kind, RollHolder[] members, RollHolder? representative, Unit[] units, CountedRoll roll)
    {
        Index = index;
        Kind = kind;
        MemberArray = members;
        Representative = representative;
        UnitArray = units;
        Roll = roll;
        foreach (var unit in units)
        {
            LandAreaM2 += unit.LandAreaM2;
            if (unit.IsPublicLand) PublicLandAreaM2 += unit.LandAreaM2;
        }
    }

    /// <summary>Worded on first use, like the name and reasons: counting needs only positions.</summary>
    public OwnerKey Key => key ??= RollOwners.KeyOf(MemberArray);

    public OwnerKind Kind { get; }

    /// <summary>The holder's name, or "group A(rep) + B".</summary>
    public string Name => name ??= Kind == OwnerKind.Group
        ? "group " + string.Join(" + ", MemberArray.Select(m => m == Representative ? $"{m.Name}(rep)" : m.Name))
        : MemberArray[0].Name;

    /// <summary>The counted holders (unlocatable ones left out, rule 8), in roll order.</summary>
    public IReadOnlyList<RollHolder> Members => MemberArray;

    /// <summary>
    /// Of a group: the person who represents every property of every unit it holds (see
    /// <see cref="UnitProperty.Representative"/>); null when the properties do not all name the same person.
    /// </summary>
    public RollHolder? Representative { get; }

    public IReadOnlyList<Unit> Units => UnitArray;

    /// <summary>The land area this owner brings to the numerator when it consents (rule 14).</summary>
    public decimal LandAreaM2 { get; }

    /// <summary>The part of <see cref="LandAreaM2"/> that is public land (rule 13's option).</summary>
    public decimal PublicLandAreaM2 { get; }

    /// <summary>Which rules counted this owner.</summary>
    public IReadOnlyList<CountingReason> Reasons => reasons ??= OwnerReasons.For(this, Roll);

    /// <summary>The reasons as one line, e.g. "4: …; 6: …".</summary>
    public string Explanation => string.Join("; ", Reasons);

    internal int Index { get; }
    internal RollHolder[] MemberArray { get; }
    internal Unit[] UnitArray { get; }
    internal CountedRoll Roll { get; }

    public override string ToString() => Name;
}

/// <summary>A unit that adds no owner (rule 8: all its holders are unlocatable); its land stays in the area.</summary>
public sealed record UncountedUnit(Unit Unit, CountingReason Reason);
