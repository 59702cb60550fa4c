using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Counting;

/// <summary>Words each owner's place in the count with the rules of counting-rules.md that put it there.</summary>
internal static class OwnerReasons
{
    public static IReadOnlyList<CountingReason> For(Owner owner, CountedRoll roll)
    {
        var reasons = new List<CountingReason>();
        var units = Display.List(owner.Units);
        switch (owner.Kind)
        {
            case OwnerKind.SoleHolder when owner.Units.Count == 1:
                reasons.Add(new(3, $"{owner.Name} is the only holder of {units}: one owner"));
                break;
            case OwnerKind.SoleHolder:
                reasons.Add(new(4, $"{owner.Name} is the sole holder of {owner.Units.Count} units ({units}) and counts once"));
                break;
            case OwnerKind.Authority when owner.Units.Count == 1:
                reasons.Add(new(7, $"managing authority {owner.Name} of {units} counts as one owner"));
                break;
            case OwnerKind.Authority:
                reasons.Add(new(7, $"managing authority {owner.Name} counts once for its {owner.Units.Count} parcels ({units})"));
                break;
            case OwnerKind.Group when owner.Units.Count == 1:
                reasons.Add(new(3, $"the {owner.Members.Count} holders of {units} count as one owner, the group"));
                break;
            case OwnerKind.Group:
                reasons.Add(new(3, $"the {owner.Members.Count} co-holders count as one owner, the group"));
                reasons.Add(new(5, $"the same holders hold {owner.Units.Count} units ({units}); the group counts once"));
                break;
        }

        if (owner.Kind != OwnerKind.Group)
        {
            var groups = roll.OwnersOf(owner.MemberArray[0]).ToArray().Where(o => o != owner).ToList();
            if (groups.Count > 0)
                reasons.Add(new(6, $"{owner.Name} is also a member of {Display.List(groups)}: {(groups.Count == 1 ? "a different owner" : "different owners")}"));
        }

        foreach (var unit in owner.Units)
        {
            if (unit.Superficies.Count > 0)
                reasons.Add(new(1, $"land {unit.Id} and superficies {Display.List(unit.Superficies)} form one unit: land owner and superficies holder count together"));
            if (unit.Main.Kind == PropertyKind.Building && roll.LandOnLot(unit.Main.LotNumber) is { } land && roll.OwnerOf(land) != owner)
                reasons.Add(new(1, $"building {unit.Id} stands on land of another owner ({land.Id}): building and land are separate units"));
            var dropped = unit.Holders.Where(h => h.IsUnlocatable).ToList();
            if (dropped.Count > 0)
                reasons.Add(new(8, $"co-holder{(dropped.Count == 1 ? "" : "s")} {Display.List(dropped)} of {unit.Id} {(dropped.Count == 1 ? "is" : "are")} unlocatable and drop{(dropped.Count == 1 ? "s" : "")} out of the group"));
        }

        if (owner.Kind == OwnerKind.Group)
            reasons.Add(owner.Representative is { } representative
                ? new(10, $"{representative.Name} represents every property of the group: the group consents when they consent")
                : new(10, "no one represents every property of the group: the shares decide, property by property"));
        return reasons;
    }

    public static CountingReason NotCounted(Unit unit)
    {
        var area = unit.IsLand ? $"the {Display.Area(unit.LandAreaM2)} stay in the area denominator" : "a building adds no area";
        return unit.Holders.Count == 1
            ? new(8, $"sole holder {unit.Holders[0].Name} of {unit.Label} is unlocatable and adds no owner; {area}")
            : new(8, $"all holders of {unit.Label} ({Display.List(unit.Holders)}) are unlocatable: the unit adds no owner; {area}");
    }
}
