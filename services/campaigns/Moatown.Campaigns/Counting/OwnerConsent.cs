using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Counting;

/// <summary>Rules 9–11: whether an owner consents now, from the standings of its members.</summary>
internal static class OwnerConsent
{
    /// <param name="standings">Indexed by <see cref="RollHolder.Index"/>; null for a holder who never acted.</param>
    /// <returns>
    /// Whether the owner consents and, if so, the source it is reported under: the deciding
    /// holder's; for a group decided by shares, paper when any consenting member signed on paper,
    /// else deemed when any was deemed, else electronic.
    /// </returns>
    public static (bool Consents, ConsentSource Source) Decide(Owner owner, HolderConsent?[] standings, GroupConsentRule rule)
    {
        if (owner.Kind != OwnerKind.Group) return Of(owner.MemberArray[0], standings);
        if (owner.Representative is { } representative) return Of(representative, standings);

        foreach (var unit in owner.UnitArray)
            foreach (var property in unit.PropertyArray)
                if (!PropertyConsents(property, standings, rule)) return (false, default);

        var source = ConsentSource.Electronic;
        foreach (var member in owner.MemberArray)
            if (standings[member.Index] is { Consents: true } standing && Rank(standing.Source) > Rank(source)) source = standing.Source;
        return (true, source);
    }

    /// <summary>
    /// Rule 10 on one property: more than 1/2 of its counted shares consent (or, by the stricter
    /// option, every counted holder). A property whose holders are all unlocatable has no one to
    /// ask and does not hold the group back.
    /// </summary>
    public static bool PropertyConsents(UnitProperty property, HolderConsent?[] standings, GroupConsentRule rule)
    {
        if (property.CountedArray.Length == 0) return true;
        if (rule == GroupConsentRule.AllHolders)
        {
            foreach (var holding in property.CountedArray)
                if (standings[holding.Holder.Index] is not { Consents: true }) return false;
            return true;
        }
        var consenting = ConsentingShares(property, standings);
        return consenting + consenting > property.CountedShares;
    }

    public static Fraction ConsentingShares(UnitProperty property, HolderConsent?[] standings)
    {
        var sum = Fraction.Zero;
        foreach (var holding in property.CountedArray)
            if (standings[holding.Holder.Index] is { Consents: true }) sum += holding.Share;
        return sum;
    }

    private static (bool, ConsentSource) Of(RollHolder holder, HolderConsent?[] standings) =>
        standings[holder.Index] is { Consents: true } standing ? (true, standing.Source) : (false, default);

    private static int Rank(ConsentSource source) => source switch
    {
        ConsentSource.Electronic => 0,
        ConsentSource.DeemedByTransfer => 1,
        _ => 2,
    };
}
