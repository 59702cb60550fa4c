using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Moatown.Benchmarks.Sealing;

/// <summary>
/// The baseline the sealing pipeline is held to: the same cryptography, in process, on the same
/// document bytes, with nothing around it. SHA-256 of the bytes and an ECDSA P-256 signature of that
/// digest with BouncyCastle (SHA256WITHECDSA, the algorithm the sealer signs with), then AES-256-GCM
/// of the bytes with a fresh data key and nonce (as the vault encrypts).
/// </summary>
public sealed class RawCrypto
{
    private readonly byte[] document;
    private readonly AsymmetricKeyParameter privateKey;

    public RawCrypto(byte[] document)
    {
        this.document = document;
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(new ECNamedDomainParameters(X9ObjectIdentifiers.Prime256v1,
            ECNamedCurveTable.GetByOid(X9ObjectIdentifiers.Prime256v1)), new SecureRandom()));
        privateKey = generator.GenerateKeyPair().Private;
    }

    /// <summary>One document's worth; returns the signature length so the work cannot be optimised away.</summary>
    public int Once()
    {
        var signer = SignerUtilities.GetSigner("SHA256WITHECDSA");
        signer.Init(true, privateKey);
        signer.BlockUpdate(document, 0, document.Length);
        var signature = signer.GenerateSignature();

        var key = RandomNumberGenerator.GetBytes(32);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var ciphertext = new byte[document.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Encrypt(nonce, document, ciphertext, tag);
        }
        return signature.Length + tag[0];
    }
}
