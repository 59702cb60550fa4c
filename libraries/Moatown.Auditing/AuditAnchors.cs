using System.Security.Cryptography;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.X509;

namespace Moatown.Auditing;

/// <summary>A chain head with an RFC 3161 time-stamp over its hash: proof the chain was so at that time.</summary>
public sealed record AuditAnchor(long Sequence, byte[] HeadHash, byte[] TimeStampToken, DateTimeOffset TimeStampedAt, string Authority);

public static class AuditAnchors
{
    /// <summary>What the time-stamp covers: SHA-256 of the head hash.</summary>
    public static byte[] Imprint(byte[] headHash) => SHA256.HashData(headHash);

    /// <summary>Null when the anchor holds: the token is signed, covers this head, and the record still has that hash.</summary>
    public static string? Check(AuditAnchor anchor, byte[]? currentHash)
    {
        if (currentHash is null)
        {
            return "the record it stamped is gone";
        }
        if (!CryptographicOperations.FixedTimeEquals(currentHash, anchor.HeadHash))
        {
            return "the record it stamped has another hash now";
        }
        try
        {
            var token = new TimeStampToken(new CmsSignedData(anchor.TimeStampToken));
            if (!CryptographicOperations.FixedTimeEquals(token.TimeStampInfo.GetMessageImprintDigest(), Imprint(anchor.HeadHash)))
            {
                return "the time-stamp covers another head";
            }
            var certificate = token.GetCertificates().EnumerateMatches(token.SignerID).OfType<X509Certificate>().FirstOrDefault();
            if (certificate is null)
            {
                return "the time-stamp carries no certificate";
            }
            // Throws unless the signature verifies with the TSA's certificate, valid at the stamped time.
            token.Validate(certificate);
            return null;
        }
        catch (Exception e) when (e is TspException or TspValidationException or CmsException or IOException or ArgumentException)
        {
            return $"the time-stamp does not verify ({e.Message})";
        }
    }
}
