using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Moatown.Identity.Staff;

/// <summary>
/// Staff passwords as PBKDF2-HMAC-SHA512 hashes (OWASP 2023: at least 210,000 iterations), in a
/// self-describing format "pbkdf2-sha512.{iterations}.{salt}.{hash}" so the strength can rise:
/// a hash made with fewer iterations than today's still verifies and is replaced at the next
/// successful sign-in.
/// </summary>
public static class StaffPasswords
{
    private const string Scheme = "pbkdf2-sha512";
    public const int Iterations = 210_000;
    private const int SaltSize = 16;
    private const int HashSize = 64;

    // A hash of nothing in particular, so an unknown user name costs the same time as a known one.
    private static readonly Lazy<string> Decoy = new(() => Hash(Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, HashSize);
        return string.Join('.', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool Verify(string? stored, string password)
    {
        var parts = (stored ?? Decoy.Value).Split('.');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return stored is not null && CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Whether the hash was made weaker than today's setting (to replace after a successful check).</summary>
    public static bool NeedsRehash(string stored)
    {
        var parts = stored.Split('.');
        return parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < Iterations;
    }
}
