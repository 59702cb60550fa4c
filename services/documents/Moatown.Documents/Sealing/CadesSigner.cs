using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Utilities.Collections;
using PdfSharp.Pdf.Signatures;
using Attribute = Org.BouncyCastle.Asn1.Cms.Attribute;

namespace Moatown.Documents.Sealing;

/// <summary>
/// PDFsharp's hook for the signature bytes: a detached CMS SignedData over the document's byte range,
/// signed by the seal key, with the TSA's token over the signature value as the unsigned attribute
/// id-aa-timeStampToken (so the time proves the signature existed then: CAdES-T / PAdES B-T).
/// </summary>
/// <param name="beforeDigest">Runs once the document is laid out and before its byte range is read (see <see cref="SubFilterPatch"/>).</param>
internal sealed class CadesSigner(SigningCredentials credentials, ITimestampAuthority tsa, Action beforeDigest, CancellationToken cancellationToken) : IDigitalSigner
{
    /// <summary>Room reserved in /Contents. The CMS with two chains of two P-256 certificates is about 3 KB; a production TSA may send a longer chain.</summary>
    private const int ReservedBytes = 16 * 1024;

    public string CertificateName => credentials.Certificate.SubjectDN.GetValueList(Org.BouncyCastle.Asn1.X509.X509Name.CN).FirstOrDefault() ?? "Moatown e-consent";

    /// <summary>The time-stamp's time, once the signature is made.</summary>
    public DateTimeOffset? TimestampedAt { get; private set; }

    public Task<int> GetSignatureSizeAsync() => Task.FromResult(ReservedBytes);

    public async Task<byte[]> GetSignatureAsync(Stream stream)
    {
        beforeDigest();
        // PDFsharp hands the range over at its end: without rewinding, zero bytes would be signed.
        stream.Position = 0;
        // A plain read loop: PDFsharp's RangedStream throws from CanSeek, which Stream.CopyTo asks.
        using var content = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            content.Write(buffer, 0, read);
        }

        var generator = new CmsSignedDataGenerator();
        generator.AddSignerInfoGenerator(new SignerInfoGeneratorBuilder()
            .WithSignedAttributeGenerator(new PadesSignedAttributes(credentials.Certificate))
            .Build(new Asn1SignatureFactory(credentials.SignatureAlgorithm, credentials.PrivateKey), credentials.Certificate));
        generator.AddCertificates(CollectionUtilities.CreateStore(credentials.Chain));
        var signed = generator.Generate(new CmsProcessableByteArray(content.ToArray()), encapsulate: false);

        var signer = signed.GetSignerInfos().GetSigners().Single();
        var token = await tsa.StampAsync(SHA256.HashData(signer.GetSignature()), cancellationToken);
        var unsigned = new AttributeTable(new Asn1EncodableVector(
            new Attribute(PkcsObjectIdentifiers.IdAASignatureTimeStampToken, new DerSet(token.ToCmsSignedData().ContentInfo))));
        TimestampedAt = new DateTimeOffset(DateTime.SpecifyKind(token.TimeStampInfo.GenTime, DateTimeKind.Utc));

        var stamped = CmsSignedData.ReplaceSigners(signed, new SignerInformationStore(SignerInformation.ReplaceUnsignedAttributes(signer, unsigned)));
        return stamped.GetEncoded(Asn1Encodable.Der);
    }
}
