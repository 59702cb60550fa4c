using System.Security.Cryptography;
using Moatown.Documents.Sealing;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Tsp;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;

namespace Moatown.IntegrationTests.Documents;

/// <summary>Takes a sealed PDF apart the way a person with openssl would: the CMS from /Contents, its signer, the time-stamp token.</summary>
internal static class SealedDocuments
{
    public static (SignerInformation Signer, TimeStampToken Token) SignerAndToken(byte[] pdf)
    {
        var parts = PdfSignatureReader.Read(pdf) ?? throw new InvalidOperationException("no signature in the PDF");
        using var input = new Asn1InputStream(parts.Cms);
        var cms = new CmsSignedData(ContentInfo.GetInstance(input.ReadObject()));
        var signer = cms.GetSignerInfos().GetSigners().Single();
        var attribute = signer.UnsignedAttributes![PkcsObjectIdentifiers.IdAASignatureTimeStampToken]
            ?? throw new InvalidOperationException("no id-aa-timeStampToken");
        return (signer, new TimeStampToken(ContentInfo.GetInstance(attribute.AttrValues[0])));
    }

    public static string SignatureDigestHex(SignerInformation signer) => Convert.ToHexStringLower(SHA256.HashData(signer.GetSignature()));

    public static string TempFile(string extension, byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"moatown-seal-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, content);
        return path;
    }
}
