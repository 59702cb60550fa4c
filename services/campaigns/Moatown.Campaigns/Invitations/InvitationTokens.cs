using System.Security.Cryptography;
using System.Text;

namespace Moatown.Campaigns.Invitations;

/// <summary>The secret in a personal link: 256 random bits, URL-safe; kept only as its hash and encrypted.</summary>
internal static class InvitationTokens
{
    public const string ProtectionPurpose = "invitation.token";

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
