using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;

namespace Moatown.Documents.Sealing;

/// <summary>A private key with its certificate and chain, leaf first and the issuing root last.</summary>
public sealed record SigningCredentials(AsymmetricKeyParameter PrivateKey, IReadOnlyList<X509Certificate> Chain)
{
    public X509Certificate Certificate => Chain[0];

    public X509Certificate Root => Chain[^1];

    /// <summary>ECDSA keys sign with SHA256withECDSA, RSA keys with SHA256withRSA.</summary>
    public string SignatureAlgorithm => PrivateKey is Org.BouncyCastle.Crypto.Parameters.ECPrivateKeyParameters ? "SHA256WITHECDSA" : "SHA256WITHRSA";
}
