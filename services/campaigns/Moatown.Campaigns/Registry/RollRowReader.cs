using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Campaigns.Registry;

/// <summary>Reads and checks the values of one data record; rules that span rows are in <see cref="RollChecks"/>.</summary>
internal sealed class RollRowReader(RollHeader header, DateOnly today, List<RollError> errors)
{
    // A column some rows need but the header lacks is reported once, not on every such row.
    private readonly HashSet<RollColumn> _reportedAbsent = [];

    public RollRowDraft Read(CsvRecord record)
    {
        var row = new RollRowDraft { Line = record.Line };
        if (record.Problems.Count > 0 || record.Fields.Count != header.FieldCount)
        {
            ReportBrokenRecord(record, row);
            return row;
        }

        foreach (var index in header.Unnamed)
            if (RollValues.Text(record.Fields[index]) is not null)
                Fail(row, null, $"Column {index + 1} has a value but no name in the header.");

        row.PropertyId = Required(record, row, RollColumn.PropertyId, "property id");
        row.LotNumber = Collapsed(Required(record, row, RollColumn.LotNumber, "lot number"));
        row.OwnerId = Value(record, RollColumn.OwnerId);
        row.OwnerName = Collapsed(Required(record, row, RollColumn.OwnerName, "owner name"));
        row.Address = Value(record, RollColumn.Address);

        if (Required(record, row, RollColumn.PropertyKind, "property kind") is { } kindText)
            row.Kind = Check(row, RollColumn.PropertyKind, RollValues.TryPropertyKind(kindText, out var kind)) ? kind : null;
        if (Required(record, row, RollColumn.OwnerType, "owner type") is { } typeText)
            row.OwnerType = Check(row, RollColumn.OwnerType, RollValues.TryOwnerType(typeText, out var type)) ? type : null;
        if (Required(record, row, RollColumn.Share, "share") is { } shareText)
            row.Share = Check(row, RollColumn.Share, RollValues.TryShare(shareText, out var share)) ? share : null;
        if (Value(record, RollColumn.Representative) is { } representativeText)
            row.IsRepresentative = Check(row, RollColumn.Representative, RollValues.TryRepresentative(representativeText, out var isRepresentative)) ? isRepresentative : null;
        else
            row.IsRepresentative = false;
        if (Value(record, RollColumn.Status) is { } statusText)
            row.Status = Check(row, RollColumn.Status, RollValues.TryStatus(statusText, out var status)) ? status : null;
        else
            row.Status = HolderStatus.Normal;
        if (Value(record, RollColumn.Phone) is { } phoneText)
        {
            row.Phone = KoreanMobile.ToE164(phoneText);
            if (row.Phone is null)
                Fail(row, RollColumn.Phone, $"\"{phoneText}\" is not a Korean mobile number: write it like 010-1234-5678.");
        }

        ReadLandArea(record, row);
        ReadBirthDate(record, row);
        ReadManagingAuthority(record, row);
        return row;
    }

    private void ReadLandArea(CsvRecord record, RollRowDraft row)
    {
        var text = Value(record, RollColumn.LandAreaM2);
        if (row.Kind is PropertyKind.Building or PropertyKind.Superficies)
        {
            if (text is not null)
                Fail(row, RollColumn.LandAreaM2, $"Only land rows have an area; leave it empty on a {KindWord(row.Kind.Value)} row.");
            return;
        }

        if (text is null)
        {
            if (row.Kind is PropertyKind.Land)
                Absent(record, row, RollColumn.LandAreaM2, "Missing land area: land rows need the parcel's whole area in m².", "land rows");
            return;
        }

        if (Check(row, RollColumn.LandAreaM2, RollValues.TryLandArea(text, out var area))) row.LandAreaM2 = area;
    }

    private void ReadBirthDate(CsvRecord record, RollRowDraft row)
    {
        var text = Value(record, RollColumn.BirthDate);
        if (row.OwnerType is OwnerType.Corporation or OwnerType.Public)
        {
            // An error rather than a warning: a birth date here usually means a person entered with
            // the wrong owner type, and that changes who counts as an owner.
            if (text is not null)
                Fail(row, RollColumn.BirthDate, $"Only persons have a birth date; leave it empty for a {TypeWord(row.OwnerType.Value)} owner, or check the owner type.");
            return;
        }

        if (text is null)
        {
            if (row.OwnerType is OwnerType.Person)
                Absent(record, row, RollColumn.BirthDate, "Missing birth date: persons need one, as YYYY-MM-DD.", "persons");
            return;
        }

        if (Check(row, RollColumn.BirthDate, RollValues.TryBirthDate(text, today, out var date))) row.BirthDate = date;
    }

    private void ReadManagingAuthority(CsvRecord record, RollRowDraft row)
    {
        var text = Collapsed(Value(record, RollColumn.ManagingAuthority));
        if (row.OwnerType is OwnerType.Person or OwnerType.Corporation)
        {
            // Only public owners are counted by authority; one elsewhere is a misplaced value.
            if (text is not null)
                Fail(row, RollColumn.ManagingAuthority, $"Only public owners have a managing authority; leave it empty for a {TypeWord(row.OwnerType.Value)} owner, or check the owner type.");
            return;
        }

        if (text is null && row.OwnerType is OwnerType.Public)
            Absent(record, row, RollColumn.ManagingAuthority, "Missing managing authority: public owners need one, e.g. 중랑구 or 국토교통부.", "public owners");
        row.ManagingAuthority = text;
    }

    private void ReportBrokenRecord(CsvRecord record, RollRowDraft row)
    {
        row.HasErrors = true;
        foreach (var problem in record.Problems)
            errors.Add(new(problem.Line, header.NameAt(problem.FieldIndex), problem.Reason));
        if (record.Problems.Count == 0)
            errors.Add(new(record.Line, null,
                $"This line has {record.Fields.Count} values but the header has {header.FieldCount} columns: a comma is missing or extra (a value with a comma must be in quotes)."));

        row.UnplacedValues = record.Fields.Select(RollValues.Text).OfType<string>().Select(RollValues.CollapseSpaces).ToList();
        // Keep the property so that its share total is not checked with a row missing.
        var propertyIndex = header.IndexOf(RollColumn.PropertyId);
        if (propertyIndex >= 0 && propertyIndex < record.Fields.Count && record.Problems.TrueForAll(p => p.FieldIndex != propertyIndex))
            row.PropertyId = RollValues.Text(record.Fields[propertyIndex]);
    }

    private string? Value(CsvRecord record, RollColumn column)
    {
        var index = header.IndexOf(column);
        return index < 0 ? null : RollValues.Text(record.Fields[index]);
    }

    private string? Required(CsvRecord record, RollRowDraft row, RollColumn column, string words)
    {
        var text = Value(record, column);
        if (text is not null) return text;

        row.HasErrors = true;
        if (header.Has(column)) // otherwise the header error says it all
            Fail(row, column, $"Missing {words}: every row needs one.");
        return null;
    }

    private void Absent(CsvRecord record, RollRowDraft row, RollColumn column, string reason, string whoNeedsIt)
    {
        row.HasErrors = true;
        if (header.Has(column))
            Fail(row, column, reason);
        else if (_reportedAbsent.Add(column))
            errors.Add(new(1, column.Name(),
                $"The column {column.Described()} is missing from the header, but {whoNeedsIt} need it (first on line {record.Line})."));
    }

    private bool Check(RollRowDraft row, RollColumn column, string? reason)
    {
        if (reason is null) return true;
        Fail(row, column, reason);
        return false;
    }

    private void Fail(RollRowDraft row, RollColumn? column, string reason)
    {
        row.HasErrors = true;
        errors.Add(new(row.Line, column?.Name(), reason));
    }

    private static string? Collapsed(string? text) => text is null ? null : RollValues.CollapseSpaces(text);

    private static string KindWord(PropertyKind kind) => kind.ToString().ToLowerInvariant();

    private static string TypeWord(OwnerType type) => type.ToString().ToLowerInvariant();
}
