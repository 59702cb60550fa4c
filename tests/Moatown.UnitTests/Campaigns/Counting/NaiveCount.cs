using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Registry;
// A unit as rows: its properties (land or building first, then superficies), each its rows.
using UnitRows = System.Collections.Generic.List<System.Collections.Generic.List<Moatown.Campaigns.Registry.RollRow>>;

namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>
/// counting-rules.md read straight off the rows, slowly and without the engine's types or
/// indexes: an independent second opinion for the generated tests. Where the rules are silent it
/// follows the engine's documented decisions.
/// </summary>
internal sealed class NaiveCount
{
    private readonly CountingRules rules;
    private readonly List<(List<UnitRows> Units, List<HolderKey> Members, UnitRows Properties)> owners;
    private readonly decimal totalM2;

    public NaiveCount(IReadOnlyList<RollRow> rows, CountingRules rules)
    {
        this.rules = rules;
        bool Unlocatable(HolderKey h) => rows.Where(r => r.Holder == h).All(r => r.Status == HolderStatus.Unlocatable);
        var byProperty = rows.GroupBy(r => r.PropertyId).ToDictionary(g => g.Key, g => g.ToList());
        var units = rows.Where(r => r.PropertyKind != PropertyKind.Superficies).Select(r => r.PropertyId).Distinct()
            .Select(id => new UnitRows { byProperty[id] })
            .ToList();
        foreach (var superficies in rows.Where(r => r.PropertyKind == PropertyKind.Superficies).Select(r => r.PropertyId).Distinct())
            units.Single(u => u[0][0].PropertyKind == PropertyKind.Land && u[0][0].LotNumber == byProperty[superficies][0].LotNumber).Add(byProperty[superficies]);

        owners = units
            .Select(u => (Unit: u, Members: u.SelectMany(p => p).Select(r => r.Holder).Where(h => !Unlocatable(h)).Distinct().OrderBy(h => h.Value, StringComparer.Ordinal).ToList()))
            .Where(x => x.Members.Count > 0)
            .GroupBy(x => string.Join("\u0001", x.Members.Select(m => m.Value)))
            .Select(g =>
            {
                var ownerUnits = g.Select(x => x.Unit).ToList();
                var properties = ownerUnits.SelectMany(u => u).Select(p => p.Where(r => !Unlocatable(r.Holder)).ToList()).Where(p => p.Count > 0).ToList();
                return (ownerUnits, g.First().Members, properties);
            })
            .ToList();
        totalM2 = units.Sum(Area);
    }

    public (int Consented, int Total, decimal ConsentedM2, decimal TotalM2, ConsentsBySource BySource, int Withdrawals) Tally(IReadOnlyList<ConsentAction> history)
    {
        var latest = new Dictionary<HolderKey, ConsentAction>();
        foreach (var action in history)
            if (!latest.TryGetValue(action.Holder, out var standing) || action.At >= standing.At) latest[action.Holder] = action;
        bool Consents(HolderKey h) => latest.TryGetValue(h, out var a) && a.Kind == ConsentActionKind.Consent;

        int consented = 0, withdrawals = 0;
        decimal consentedM2 = 0;
        var bySource = new int[3];
        foreach (var (units, members, properties) in owners)
        {
            HolderKey? Speaker(List<RollRow> p) =>
                p.Select(r => r.Holder).Distinct().Count() == 1 ? p[0].Holder
                : p.Where(r => r.IsRepresentative).Select(r => r.Holder).Distinct().ToList() is [var only] ? only : null;
            var speakers = properties.Select(Speaker).Distinct().ToList();
            HolderKey? representative = members.Count == 1 ? members[0] : speakers is [{ } s] ? s : null;

            bool ownerConsents;
            IEnumerable<HolderKey> deciding;
            if (representative is { } r)
            {
                ownerConsents = Consents(r);
                deciding = [r];
            }
            else
            {
                ownerConsents = properties.All(p => rules.GroupWithoutRepresentative == GroupConsentRule.AllHolders
                    ? p.All(row => Consents(row.Holder))
                    : p.Where(row => Consents(row.Holder)).Aggregate(Fraction.Zero, (sum, row) => sum + row.Share) * new Fraction(2, 1)
                      > p.Aggregate(Fraction.Zero, (sum, row) => sum + row.Share));
                deciding = members.Where(Consents);
            }
            if (!ownerConsents) continue;
            consented++;
            consentedM2 += units.Sum(Area);
            var sources = deciding.Select(h => latest[h].Source).ToList();
            bySource[(int)(sources.Contains(ConsentSource.Paper) ? ConsentSource.Paper
                : sources.Contains(ConsentSource.DeemedByTransfer) ? ConsentSource.DeemedByTransfer : ConsentSource.Electronic)]++;
        }
        foreach (var holder in owners.SelectMany(o => o.Members).Distinct())
            if (latest.TryGetValue(holder, out var a) && a.Kind == ConsentActionKind.Withdrawal) withdrawals++;

        return (consented, owners.Count, consentedM2, totalM2, new ConsentsBySource(bySource[0], bySource[1], bySource[2]), withdrawals);
    }

    private static bool IsPublic(UnitRows unit) => unit[0].All(r => r.OwnerType == OwnerType.Public);

    private decimal Area(UnitRows unit) =>
        unit[0][0].PropertyKind == PropertyKind.Land && !(rules.ExcludePublicLandFromArea && IsPublic(unit)) ? unit[0][0].LandAreaM2!.Value : 0m;
}
