using Org.BouncyCastle.Asn1.Cmp;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;

namespace Moatown.Documents.Sealing;

/// <summary>
/// The development TSA: answers RFC 3161 requests with tokens signed by its own chain ("Moatown development
/// TSA root" → "Moatown development TSA", extendedKeyUsage timeStamping, critical). The time is this
/// machine's clock, which is why it is for Development and tests only; production names an external TSA.
/// </summary>
public sealed class BuiltInTsa(SealingKeys keys, TimeProvider time)
{
    /// <summary>The TSA policy under which tokens are issued: an OID under the documentation arc, since this TSA is not a public one.</summary>
    public const string PolicyOid = "1.3.6.1.4.1.55555.1.1";

    private static readonly SecureRandom Random = new();

    /// <summary>A DER TimeStampResp for a DER TimeStampReq; malformed requests get a rejection, as RFC 3161 §2.4.2 asks.</summary>
    public byte[] Respond(byte[] request)
    {
        var credentials = keys.BuiltInTsa ?? throw new InvalidOperationException("The built-in TSA is not enabled.");
        var tokens = new TimeStampTokenGenerator(credentials.PrivateKey, credentials.Certificate, TspAlgorithms.Sha256, PolicyOid);
        // The whole chain, so a verifier holding only the TSA root can check the token.
        tokens.SetCertificates(CollectionUtilities.CreateStore(credentials.Chain));
        // Names the TSA in the token (openssl ts -verify then also checks the name against the signer).
        tokens.SetTsa(new GeneralName(credentials.Certificate.SubjectDN));
        var responses = new TimeStampResponseGenerator(tokens, TspAlgorithms.Allowed);
        TimeStampRequest parsed;
        try
        {
            parsed = new TimeStampRequest(request);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or TspException)
        {
            return responses.GenerateFailResponse(PkiStatus.Rejection, PkiFailureInfo.BadDataFormat, "not a time-stamp request").GetEncoded();
        }
        // 128 random bits: unique across restarts and replicas without a counter to keep.
        var serial = new BigInteger(128, Random).Add(BigInteger.One);
        return responses.Generate(parsed, serial, time.GetUtcNow().UtcDateTime).GetEncoded();
    }
}
