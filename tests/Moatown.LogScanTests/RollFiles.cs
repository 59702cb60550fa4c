using System.Text;

namespace Moatown.LogScanTests;

/// <summary>
/// The personal data of an owner roll (docs: registry-format.md): names, birth dates, phones and
/// addresses of the holders who are persons. Corporations and public authorities are not personal
/// data, and their names (중랑구) legitimately appear in campaign names and logs.
/// </summary>
public static class RollFiles
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["성명"] = "owner_name",
        ["생년월일"] = "birth_date",
        ["연락처"] = "phone",
        ["소유구분"] = "owner_type",
        ["주소"] = "address",
    };

    public static IEnumerable<PersonalValue> ValuesOf(string csv)
    {
        var rows = Rows(csv).ToList();
        if (rows.Count == 0)
        {
            yield break;
        }
        var header = rows[0].Select(h => h.Trim().TrimStart('\uFEFF')).Select(h => Aliases.GetValueOrDefault(h, h)).ToList();
        string Field(List<string> row, string column)
        {
            var index = header.IndexOf(column);
            return index >= 0 && index < row.Count ? row[index].Trim() : "";
        }

        foreach (var row in rows.Skip(1))
        {
            var type = Field(row, "owner_type");
            if (type is not ("person" or "개인" or ""))
            {
                continue;
            }
            if (Field(row, "owner_name") is { Length: > 0 } name)
            {
                yield return new(PersonalKind.Name, name);
            }
            if (Field(row, "birth_date") is { Length: > 0 } birth)
            {
                yield return new(PersonalKind.BirthDate, birth);
            }
            if (PhoneNumbers.Normalize(Field(row, "phone")) is { } phone)
            {
                yield return new(PersonalKind.Phone, phone);
            }
            if (Field(row, "address") is { Length: > 0 } address)
            {
                yield return new(PersonalKind.Address, address);
            }
        }
    }

    /// <summary>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static IEnumerable<List<string>> Rows(string csv)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n') { i++; }
                row.Add(field.ToString()); field.Clear();
                if (row.Count > 1 || row[0].Length > 0) { yield return row; }
                row = [];
            }
            else { field.Append(c); }
        }
        row.Add(field.ToString());
        if (row.Count > 1 || row[0].Length > 0) { yield return row; }
    }
}
