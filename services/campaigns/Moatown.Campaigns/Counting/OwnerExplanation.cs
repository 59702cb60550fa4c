using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Counting;

/// <summary>
/// What the tally can say about one owner: which units it holds, who its members are, which rules
/// counted it, and whether and why it consents now.
/// </summary>
public sealed record OwnerExplanation(
    OwnerKey Owner,
    string Name,
    OwnerKind Kind,
    IReadOnlyList<string> Units,
    IReadOnlyList<MemberStanding> Members,
    string? Representative,
    decimal LandAreaM2,
    IReadOnlyList<CountingReason> CountedBecause,
    bool Consents,
    IReadOnlyList<string> Why)
{
    internal static OwnerExplanation Of(Owner owner, bool consents, HolderConsent?[] standings, CountingRules rules) => new(
        owner.Key,
        owner.Name,
        owner.Kind,
        owner.Units.Select(u => u.Label).ToArray(),
        owner.Members.Select(m => new MemberStanding(m.Key, m.Name, standings[m.Index])).ToArray(),
        owner.Representative?.Name,
        Display.Normalize(owner.LandAreaM2),
        owner.Reasons,
        consents,
        Verdict(owner, consents, standings, rules));

    private static List<string> Verdict(Owner owner, bool consents, HolderConsent?[] standings, CountingRules rules)
    {
        if (owner.Kind != OwnerKind.Group) return [Personal(owner.Members[0], standings, prefix: "")];
        if (owner.Representative is { } representative) return [Personal(representative, standings, prefix: "representative ")];

        var why = new List<string>();
        foreach (var unit in owner.Units)
            foreach (var property in unit.Properties)
                why.Add(rules.GroupWithoutRepresentative == GroupConsentRule.AllHolders
                    ? AllHolders(property, standings)
                    : Majority(property, standings));
        why.Add(consents
            ? "so the group consents: every property agrees"
            : "so the group does not consent: " + (rules.GroupWithoutRepresentative == GroupConsentRule.AllHolders
                ? "every holder of every property must consent"
                : "every property needs more than 1/2 of its shares consenting"));
        return why;
    }

    private static string Personal(RollHolder holder, HolderConsent?[] standings, string prefix) => standings[holder.Index] switch
    {
        { Consents: true } s => $"{prefix}{holder.Name} consented {Display.Source(s.Source)} ({Display.Time(s.At)})",
        { } s => $"{prefix}{holder.Name} withdrew {Display.Source(s.Source)} ({Display.Time(s.At)})",
        null => $"{prefix}{holder.Name} has not consented",
    };

    private static string Majority(UnitProperty property, HolderConsent?[] standings)
    {
        if (property.CountedHoldings.Count == 0) return $"{property.PropertyId}: every holder is unlocatable; it does not hold the group back";
        var consenting = OwnerConsent.ConsentingShares(property, standings);
        var part = consenting / property.CountedShares;
        var of = property.CountedShares == Fraction.One ? "the shares" : "the counted shares (unlocatable holders' shares left out)";
        return consenting + consenting > property.CountedShares
            ? $"{part} of {of} of {property.PropertyId} consent (more than 1/2)"
            : $"{part} of {of} of {property.PropertyId} consent (not more than 1/2)";
    }

    private static string AllHolders(UnitProperty property, HolderConsent?[] standings)
    {
        if (property.CountedHoldings.Count == 0) return $"{property.PropertyId}: every holder is unlocatable; it does not hold the group back";
        var holders = property.CountedHoldings.Select(h => h.Holder).ToList();
        var missing = holders.Where(h => standings[h.Index] is not { Consents: true }).ToList();
        return missing.Count == 0
            ? $"all {holders.Count} counted holders of {property.PropertyId} consent"
            : $"{holders.Count - missing.Count} of {holders.Count} counted holders of {property.PropertyId} consent; not {Display.List(missing)}";
    }
}

/// <summary>A member of an owner and their standing now (null: never acted).</summary>
public sealed record MemberStanding(HolderKey Holder, string Name, HolderConsent? Standing)
{
    public bool Consents => Standing is { Consents: true };
}
