namespace Moatown.ServiceDefaults.PersonalData;

/// <summary>How personal data is shown to roles that may not see it in full.</summary>
public static class PersonalDataMasking
{
    /// <summary>홍길동 → 홍*동, 김철 → 김*, 남궁민수 → 남**수; one character stays as it is.</summary>
    public static string Name(string name)
    {
        var letters = System.Globalization.StringInfo.ParseCombiningCharacters(name);
        var count = letters.Length;
        if (count <= 1)
        {
            return name;
        }
        var first = new System.Globalization.StringInfo(name).SubstringByTextElements(0, 1);
        if (count == 2)
        {
            return first + "*";
        }
        var last = new System.Globalization.StringInfo(name).SubstringByTextElements(count - 1, 1);
        return first + new string('*', count - 2) + last;
    }

    /// <summary>+821012345678 or 010-1234-5678 → 010-****-5678.</summary>
    public static string Phone(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("82", StringComparison.Ordinal))
        {
            digits = "0" + digits[2..];
        }
        return digits.Length >= 10 ? $"{digits[..3]}-****-{digits[^4..]}" : "***";
    }

    /// <summary>1980-01-01 → 1980-**-**: the year alone tells an officer the right generation.</summary>
    public static string BirthDate(DateOnly birthDate) => $"{birthDate.Year:0000}-**-**";

    /// <summary>
    /// A roll's own id for a person (it may embed a registration number): P-2024-0012 → P-*******12,
    /// enough to tell two entries apart on screen, not enough to identify anyone.
    /// </summary>
    public static string Identifier(string id) =>
        id.Length <= 4 ? new string('*', id.Length) : id[0] + new string('*', id.Length - 3) + id[^2..];
}
