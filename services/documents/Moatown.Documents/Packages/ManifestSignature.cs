using Moatown.Documents.Sealing;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Utilities.Collections;

namespace Moatown.Documents.Packages;

/// <summary>
/// A detached CMS SignedData over the manifest's exact bytes, by the provider's seal with its chain
/// included: <c>openssl cms -verify -binary</c> and the package verifier check it with nothing but the
/// published seal roots.
/// </summary>
public static class ManifestSignature
{
    public static byte[] Sign(byte[] manifest, SigningCredentials seal)
    {
        var generator = new CmsSignedDataGenerator();
        generator.AddSignerInfoGenerator(new SignerInfoGeneratorBuilder()
            .Build(new Asn1SignatureFactory(seal.SignatureAlgorithm, seal.PrivateKey), seal.Certificate));
        generator.AddCertificates(CollectionUtilities.CreateStore(seal.Chain));
        return generator.Generate(new CmsProcessableByteArray(manifest), encapsulate: false).GetEncoded(Asn1Encodable.Der);
    }
}
