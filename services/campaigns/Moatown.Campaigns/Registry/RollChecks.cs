using System.Globalization;

namespace Moatown.Campaigns.Registry;

/// <summary>
/// The rules that span rows: one property is described the same way on all its rows, its shares
/// sum to 1 and it has at most one representative; each land lot is one property and carries any
/// superficies on it; no holder appears twice on a property; an owner_id always names the same owner.
/// </summary>
internal static class RollChecks
{
    private const int LinesListed = 10;

    public static void Run(IReadOnlyList<RollRowDraft> rows, List<RollError> errors)
    {
        var properties = new Dictionary<string, List<RollRowDraft>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.PropertyId is null) continue;
            if (!properties.TryGetValue(row.PropertyId, out var propertyRows))
                properties[row.PropertyId] = propertyRows = [];
            propertyRows.Add(row);
        }

        foreach (var (id, propertyRows) in properties)
        {
            CheckSharesSumToOne(id, propertyRows, errors);
            if (propertyRows.Count == 1) continue; // most properties: nothing to compare
            CheckSameDescription(id, propertyRows, errors);
            CheckOneRepresentative(id, propertyRows, errors);
            CheckNoRepeatedHolder(id, propertyRows, errors);
        }
        CheckLots(rows, errors);
        CheckOwnerIds(rows, errors);
    }

    private static void CheckSameDescription(string id, List<RollRowDraft> rows, List<RollError> errors)
    {
        Same(rows, r => r.Kind, (first, row) => errors.Add(new(row.Line, RollColumn.PropertyKind.Name(),
            $"Property {id} is {Word(first.Kind)} on line {first.Line}, but {Word(row.Kind)} here; every row of a property must have the same kind.")));
        Same(rows, r => r.LotNumber, (first, row) => errors.Add(new(row.Line, RollColumn.LotNumber.Name(),
            $"Property {id} is on lot \"{first.LotNumber}\" on line {first.Line}, but on \"{row.LotNumber}\" here; every row of a property must have the same lot number.")));
        Same(rows, r => r.LandAreaM2, (first, row) => errors.Add(new(row.Line, RollColumn.LandAreaM2.Name(), string.Create(CultureInfo.InvariantCulture,
            $"Property {id} has {first.LandAreaM2} m² on line {first.Line}, but {row.LandAreaM2} m² here; every row of a parcel must give its whole area."))));
    }

    /// <summary>Compares each row's known value with the first known one.</summary>
    private static void Same(List<RollRowDraft> rows, Func<RollRowDraft, object?> value, Action<RollRowDraft, RollRowDraft> differs)
    {
        RollRowDraft? first = null;
        foreach (var row in rows)
        {
            var v = value(row);
            if (v is null) continue;
            if (first is null) first = row;
            else if (!v.Equals(value(first))) differs(first, row);
        }
    }

    private static void CheckSharesSumToOne(string id, List<RollRowDraft> rows, List<RollError> errors)
    {
        // With a share unknown the total means nothing; that row already has its error.
        if (rows.Exists(r => r.Share is null)) return;

        var total = Fraction.Zero;
        foreach (var row in rows) total += row.Share!.Value;
        if (total != Fraction.One)
            errors.Add(new(rows[0].Line, RollColumn.Share.Name(),
                $"The shares of property {id} add up to {total}, not 1 (on {Lines(rows)})."));
    }

    private static void CheckOneRepresentative(string id, List<RollRowDraft> rows, List<RollError> errors)
    {
        RollRowDraft? representative = null;
        foreach (var row in rows)
        {
            if (row.IsRepresentative != true) continue;
            if (representative is null) representative = row;
            else errors.Add(new(row.Line, RollColumn.Representative.Name(),
                $"Property {id} already has a representative on line {representative.Line}; a property has at most one."));
        }
    }

    private static void CheckNoRepeatedHolder(string id, List<RollRowDraft> rows, List<RollError> errors)
    {
        var seen = new Dictionary<HolderKey, int>();
        foreach (var row in rows)
        {
            if (row.ToRow() is not { } complete) continue;
            if (!seen.TryAdd(complete.Holder, row.Line))
                errors.Add(new(row.Line, null,
                    $"This row repeats the holder of property {id} on line {seen[complete.Holder]}; each holder is listed once per property, with their whole share."));
        }
    }

    private static void CheckLots(IReadOnlyList<RollRowDraft> rows, List<RollError> errors)
    {
        var landByLot = new Dictionary<string, RollRowDraft>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Kind == PropertyKind.Land && r.LotNumber is not null && r.PropertyId is not null))
        {
            if (!landByLot.TryAdd(row.LotNumber!, row) && landByLot[row.LotNumber!].PropertyId != row.PropertyId && reported.Add(row.PropertyId!))
            {
                var other = landByLot[row.LotNumber!];
                errors.Add(new(row.Line, RollColumn.LotNumber.Name(),
                    $"Lot {row.LotNumber} is already land property {other.PropertyId} (line {other.Line}); one parcel must be one property."));
            }
        }

        // A row whose kind could not be read, or a broken line with the lot on it, might be the
        // land row: then the superficies is not reported, rather than reported wrongly.
        var lotsMaybeLand = rows.Where(r => r.Kind is null && r.LotNumber is not null).Select(r => r.LotNumber!)
            .Concat(rows.SelectMany(r => r.UnplacedValues ?? []))
            .ToHashSet(StringComparer.Ordinal);

        var checkedLots = new HashSet<(string, string)>();
        foreach (var row in rows.Where(r => r.Kind == PropertyKind.Superficies && r.LotNumber is not null && r.PropertyId is not null))
        {
            if (!checkedLots.Add((row.PropertyId!, row.LotNumber!))) continue;
            if (!landByLot.ContainsKey(row.LotNumber!) && !lotsMaybeLand.Contains(row.LotNumber!))
                errors.Add(new(row.Line, RollColumn.LotNumber.Name(),
                    $"Superficies {row.PropertyId} is on lot {row.LotNumber}, but the roll has no land row for that lot."));
        }
    }

    private static void CheckOwnerIds(IReadOnlyList<RollRowDraft> rows, List<RollError> errors)
    {
        var firstOf = new Dictionary<string, RollRowDraft>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.OwnerId is not null))
        {
            if (!firstOf.TryGetValue(row.OwnerId!, out var first))
            {
                firstOf[row.OwnerId!] = row;
                continue;
            }

            var id = row.OwnerId;
            if (first.OwnerName is not null && row.OwnerName is not null && first.OwnerName != row.OwnerName)
                errors.Add(new(row.Line, RollColumn.OwnerName.Name(),
                    $"owner_id {id} is \"{first.OwnerName}\" on line {first.Line}, but \"{row.OwnerName}\" here; one owner_id must always be the same owner."));
            if (first.BirthDate is not null && row.BirthDate is not null && first.BirthDate != row.BirthDate)
                errors.Add(new(row.Line, RollColumn.BirthDate.Name(), string.Create(CultureInfo.InvariantCulture,
                    $"owner_id {id} was born {first.BirthDate:yyyy-MM-dd} on line {first.Line}, but {row.BirthDate:yyyy-MM-dd} here; one owner_id must always be the same owner.")));
            if (first.OwnerType is not null && row.OwnerType is not null && first.OwnerType != row.OwnerType)
                errors.Add(new(row.Line, RollColumn.OwnerType.Name(),
                    $"owner_id {id} is a {Word(first.OwnerType)} owner on line {first.Line}, but a {Word(row.OwnerType)} owner here; one owner_id must always be the same owner."));
        }
    }

    private static string Word<T>(T? value) where T : struct, Enum => value?.ToString().ToLowerInvariant() ?? "";

    /// <summary>"lines 8, 9, 10", shortened for properties with very many holders.</summary>
    private static string Lines(IReadOnlyCollection<RollRowDraft> rows)
    {
        var listed = string.Join(", ", rows.Take(LinesListed).Select(r => r.Line));
        var more = rows.Count > LinesListed ? $" and {rows.Count - LinesListed} more" : "";
        return (rows.Count == 1 ? "line " : "lines ") + listed + more;
    }
}
