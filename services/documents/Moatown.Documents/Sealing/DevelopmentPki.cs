using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace Moatown.Documents.Sealing;

/// <summary>
/// Makes a two-level chain (a root CA and one leaf, ECDSA P-256) for Development and tests. The root's
/// key is thrown away once the leaf is issued: a development chain is replaced by deleting the key folder.
/// </summary>
internal static class DevelopmentPki
{
    private static readonly SecureRandom Random = new();

    /// <param name="timeStamping">The leaf is a TSA certificate: extendedKeyUsage timeStamping, critical (RFC 3161 §2.3).</param>
    public static SigningCredentials Issue(string rootName, string leafName, bool timeStamping)
    {
        var rootKeys = NewKeyPair();
        var leafKeys = NewKeyPair();
        var now = DateTime.UtcNow.AddMinutes(-5);

        var root = new X509V3CertificateGenerator();
        root.SetSerialNumber(NewSerial());
        root.SetIssuerDN(Name(rootName));
        root.SetSubjectDN(Name(rootName));
        root.SetNotBefore(now);
        root.SetNotAfter(now.AddYears(10));
        root.SetPublicKey(rootKeys.Public);
        root.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(true));
        root.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));
        root.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(rootKeys.Public));
        var rootCertificate = root.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", rootKeys.Private, Random));

        var leaf = new X509V3CertificateGenerator();
        leaf.SetSerialNumber(NewSerial());
        leaf.SetIssuerDN(rootCertificate.SubjectDN);
        leaf.SetSubjectDN(Name(leafName));
        leaf.SetNotBefore(now);
        leaf.SetNotAfter(now.AddYears(3));
        leaf.SetPublicKey(leafKeys.Public);
        leaf.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        leaf.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        leaf.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(leafKeys.Public));
        leaf.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, X509ExtensionUtilities.CreateAuthorityKeyIdentifier(rootCertificate));
        if (timeStamping)
        {
            leaf.AddExtension(X509Extensions.ExtendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeID.id_kp_timeStamping));
        }
        var leafCertificate = leaf.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", rootKeys.Private, Random));

        return new SigningCredentials(leafKeys.Private, [leafCertificate, rootCertificate]);
    }

    private static X509Name Name(string commonName) => new($"CN={commonName},O=Moatown e-consent (development),C=KR");

    private static BigInteger NewSerial() => new BigInteger(127, Random).Add(BigInteger.One);

    private static AsymmetricCipherKeyPair NewKeyPair()
    {
        var generator = GeneratorUtilities.GetKeyPairGenerator("EC");
        generator.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, Random));
        return generator.GenerateKeyPair();
    }
}
