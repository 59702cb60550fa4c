using System.Security.Cryptography;
using System.Text;
using Moatown.ServiceDefaults.PersonalData;
using OtpNet;

namespace Moatown.Identity.Staff;

/// <summary>
/// The encrypted fields of a staff account and its second factor: TOTP (RFC 6238, SHA-1, six
/// digits, 30-second steps, one step either side for clock drift), where a step once accepted
/// can never be accepted again.
/// </summary>
public sealed class StaffSecrets(PersonalDataProtector protector, TimeProvider time)
{
    public const string DisplayNamePurpose = "staff.display_name";
    public const string TotpPurpose = "staff.totp_secret";
    public const string Issuer = "Moatown";

    public string ProtectDisplayName(string displayName) => protector.Protect(displayName, DisplayNamePurpose);
    public string DisplayName(StaffAccount account) => protector.Unprotect(account.DisplayName, DisplayNamePurpose);

    /// <summary>A new random TOTP secret (160 bits, as RFC 4226 recommends), base32 as authenticator apps take it.</summary>
    public static string NewTotpSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20)).TrimEnd('=');

    public string ProtectTotpSecret(string base32) => protector.Protect(base32, TotpPurpose);
    public string TotpSecret(StaffAccount account) =>
        protector.Unprotect(account.TotpSecret ?? throw new InvalidOperationException("The account has no TOTP secret."), TotpPurpose);

    /// <summary>otpauth:// URI for authenticator apps (what the QR code carries).</summary>
    public static string OtpAuthUri(string userName, string base32) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={base32}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";

    /// <summary>
    /// Checks a code; on success spends its step on the account (the caller saves it). A code of
    /// a step at or before the last one used is refused, so an overheard code cannot be replayed.
    /// </summary>
    public bool TryUseCode(StaffAccount account, string? code)
    {
        if (account.TotpSecret is null || code is null)
        {
            return false;
        }
        code = code.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(TotpSecret(account)));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }
        if (account.TotpLastStep is { } last && step <= last)
        {
            return false;
        }
        account.TotpLastStep = step;
        return true;
    }

    /// <summary>A one-time activation code: 20 base32 characters (100 bits), grouped for reading aloud.</summary>
    public static string NewActivationCode()
    {
        var raw = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(15))[..20];
        return string.Join('-', raw.Chunk(5).Select(chunk => new string(chunk)));
    }

    /// <summary>The activation code is long and random, so a plain SHA-256 suffices (no guessing to slow down).</summary>
    public static string HashActivationCode(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NormalizeActivationCode(code))));

    public static bool ActivationCodeMatches(StaffAccount account, string? code) =>
        account.ActivationCodeHash is { } stored && code is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(HashActivationCode(code)));

    private static string NormalizeActivationCode(string code) =>
        new([.. code.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
}
