using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Moatown.Identity.Residents.Providers;

/// <summary>
/// The verified claims of a token answer: {"name", "birthdate" (yyyy-MM-dd), "ci", "nonce"}. Everything is
/// checked before it becomes a <see cref="VerifiedPerson"/>, because the roll match and the signature
/// evidence rely on it.
/// </summary>
internal sealed record VerifiedClaims(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("birthdate")] string? BirthDate,
    [property: JsonPropertyName("ci")] string? ConnectingInformation,
    [property: JsonPropertyName("nonce")] string? Nonce)
{
    private const int MaxNameLength = 100;
    // CI is 64 bytes, written as 88 base64 characters.
    private const int ConnectingInformationLength = 88;
    private const int ConnectingInformationBytes = 64;

    /// <summary>The person, or the failure and a message that names the faulty claim (not its value).</summary>
    public VerifiedPerson ToPerson(string provider, string expectedNonce, DateOnly today)
    {
        if (Nonce is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Nonce), Encoding.UTF8.GetBytes(expectedNonce)))
        {
            throw new IdentityProviderException(provider, IdentityProviderFailure.NonceMismatch, "the answer's nonce is not the one of this request");
        }
        var name = NormalizedName(Name)
                   ?? throw Invalid(provider, "name is missing or not a name");
        if (!DateOnly.TryParseExact(BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate)
            || birthDate.Year < 1900 || birthDate > today)
        {
            throw Invalid(provider, "birthdate is missing or not a yyyy-MM-dd date in the past");
        }
        if (!IsConnectingInformation(ConnectingInformation))
        {
            throw Invalid(provider, $"ci is missing or not {ConnectingInformationLength} base64 characters");
        }
        return new VerifiedPerson(name, birthDate, ConnectingInformation!);
    }

    /// <summary>
    /// Trimmed and in Unicode NFC: providers may send Hangul decomposed into jamo (NFD), which would
    /// otherwise never equal the same name typed into the roll.
    /// </summary>
    public static string? NormalizedName(string? name)
    {
        if (name is null || !TryNormalize(name, out name))
        {
            return null;
        }
        name = name.Trim();
        return name.Length is 0 or > MaxNameLength || name.Any(char.IsControl) ? null : name;
    }

    private static bool TryNormalize(string value, out string normalized)
    {
        try
        {
            normalized = value.Normalize(NormalizationForm.FormC);
            return true;
        }
        catch (ArgumentException)
        {
            // Not valid Unicode (a lone surrogate): not a name.
            normalized = "";
            return false;
        }
    }

    private static bool IsConnectingInformation(string? value)
    {
        Span<byte> bytes = stackalloc byte[ConnectingInformationBytes];
        return value is { Length: ConnectingInformationLength }
               && Convert.TryFromBase64String(value, bytes, out var written) && written == ConnectingInformationBytes;
    }

    private static IdentityProviderException Invalid(string provider, string message) =>
        new(provider, IdentityProviderFailure.InvalidResponse, message);
}
