using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.X509;

namespace Moatown.Documents.Sealing;

/// <summary>The one check of a time-stamp token, used both when sealing and when verifying.</summary>
internal static class TimestampTokens
{
    /// <summary>Null when the token is a SHA-256 imprint of <paramref name="sha256"/>, signed by a time-stamping certificate that chains to one of <paramref name="roots"/>; otherwise why not.</summary>
    public static string? Check(TimeStampToken token, byte[] sha256, IReadOnlyList<X509Certificate> roots)
    {
        var info = token.TimeStampInfo;
        if (info.MessageImprintAlgOid != NistObjectIdentifiers.IdSha256.Id
            || !CryptographicOperations.FixedTimeEquals(info.GetMessageImprintDigest(), sha256))
        {
            return "the token's imprint is not the expected SHA-256 digest";
        }
        var certificates = token.GetCertificates().EnumerateMatches(null).ToList();
        var signer = token.GetCertificates().EnumerateMatches(token.SignerID).FirstOrDefault();
        if (signer is null)
        {
            return "the token does not carry its signer's certificate";
        }
        try
        {
            // Checks the signature, the ESS signing-certificate attribute, the timeStamping key purpose and validity at genTime.
            token.Validate(signer);
        }
        catch (Exception e) when (e is TspException or TspValidationException)
        {
            return $"the token does not verify: {e.Message}";
        }
        return CertificateChains.ChainsTo(signer, certificates, roots, info.GenTime)
            ? null
            : "the TSA certificate does not chain to a trusted TSA root";
    }
}
