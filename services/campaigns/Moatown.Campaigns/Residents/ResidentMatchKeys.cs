using System.Globalization;
using System.Text;
using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Residents;

/// <summary>
/// The values a resident who identifies themself is matched by, written the same way whether
/// they come from the roll or from what a resident typed: names in Unicode NFC without spaces
/// ("홍 길동" is "홍길동"), birth dates as yyyy-MM-dd, phones in E.164. Persons only: a corporation
/// or a public authority signs through its representative, on paper.
/// </summary>
public static class ResidentMatchKeys
{
    public static string? Person(RollRow row) =>
        row is { OwnerType: OwnerType.Person, BirthDate: { } birthDate } ? Person(row.OwnerName, birthDate) : null;

    public static string? Contact(RollRow row) =>
        Person(row) is { } person && row.Phone is { } phone ? Contact(person, phone) : null;

    public static string Person(string name, DateOnly birthDate) =>
        string.Create(CultureInfo.InvariantCulture, $"{Name(name)}|{birthDate:yyyy-MM-dd}");

    public static string Contact(string person, string e164) => $"{person}|{e164}";

    private static string Name(string name)
    {
        var normalized = name.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
