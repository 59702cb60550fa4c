using System.Globalization;

namespace Moatown.Campaigns.Registry;

/// <summary>What an accepted roll should still make staff look twice at.</summary>
internal static class RollWarnings
{
    public static IEnumerable<RollWarning> Of(IReadOnlyList<RollRow> rows) =>
        PropertiesWithoutRepresentative(rows).Concat(PersonsWithAndWithoutOwnerId(rows));

    /// <summary>Allowed, but such a group then consents only through a majority of its shares.</summary>
    private static IEnumerable<RollWarning> PropertiesWithoutRepresentative(IReadOnlyList<RollRow> rows)
    {
        foreach (var property in rows.GroupBy(r => r.PropertyId, StringComparer.Ordinal))
        {
            var holders = property.Count();
            if (holders > 1 && !property.Any(r => r.IsRepresentative))
                yield return new(property.First().Line, RollColumn.Representative.Name(),
                    $"Property {property.Key} has {holders} holders and none is marked Y as representative; the group will consent only when holders of more than half of the shares do.");
        }
    }

    /// <summary>
    /// A person is identified by owner_id when it is given, by name and birth date otherwise: on a
    /// row without the id the same person would count as a second owner.
    /// </summary>
    private static IEnumerable<RollWarning> PersonsWithAndWithoutOwnerId(IReadOnlyList<RollRow> rows)
    {
        var withId = new Dictionary<(string, DateOnly?), RollRow>();
        var withoutId = new Dictionary<(string, DateOnly?), RollRow>();
        foreach (var row in rows.Where(r => r.OwnerType == OwnerType.Person))
            (row.OwnerId is null ? withoutId : withId).TryAdd((row.OwnerName, row.BirthDate), row);

        foreach (var (person, identified) in withId)
            if (withoutId.TryGetValue(person, out var unidentified))
                yield return new(unidentified.Line, RollColumn.OwnerId.Name(), string.Create(CultureInfo.InvariantCulture,
                    $"{identified.OwnerName} ({identified.BirthDate:yyyy-MM-dd}) has owner_id {identified.OwnerId} on line {identified.Line} but none here, so they count as two different owners; give the owner_id on every row if they are one person."));
    }
}
