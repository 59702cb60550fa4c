using System.Security.Cryptography;
using System.Text;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Identity.Residents;

/// <summary>
/// Six-digit codes, from a cryptographic generator, stored only as a keyed hash bound to their
/// challenge: a million possible codes would fall to a plain hash at once, a keyed one does not
/// without the key, which is not in the database.
/// </summary>
public sealed class VerificationCodes(PersonalDataProtector protector)
{
    private const string Purpose = "verification.code";

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public string Hash(Guid challengeId, string code) => protector.BlindIndex($"{challengeId:N}:{code}", Purpose);

    public bool Matches(VerificationChallenge challenge, string code) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(challenge.Id, code)), Encoding.ASCII.GetBytes(challenge.CodeHash));

    /// <summary>Six ASCII digits, after removing the spaces a phone keyboard may add.</summary>
    public static string? Normalize(string? code)
    {
        var trimmed = code?.Replace(" ", "", StringComparison.Ordinal).Trim();
        return trimmed is { Length: 6 } && trimmed.All(char.IsAsciiDigit) ? trimmed : null;
    }
}
