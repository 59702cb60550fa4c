using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Tsp;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;

namespace Moatown.Documents.Sealing;

/// <summary>What <c>POST /api/documents/verify</c> answers. The consent fields stay null until the vault can find a document by its hash.</summary>
public sealed record DocumentVerification(
    bool SignatureValid,
    bool DocumentUnmodified,
    string? Signer,
    DateTimeOffset? SignedAt,
    DateTimeOffset? TimestampedAt,
    bool TimestampValid,
    string Sha256,
    Guid? CampaignId,
    Guid? ConsentId,
    string? ConsentStatus);

/// <summary>
/// Checks a sealed PDF the way an outside verifier would: the CMS over the /ByteRange, the signer's chain
/// to our seal root, that the range covers the whole file but the signature, and the embedded time-stamp
/// (its imprint is the SHA-256 of the signature value, signed by a TSA that chains to a trusted TSA root).
/// </summary>
public sealed class SealVerifier(SealingKeys keys, IEnumerable<IConsentLookup> lookups)
{
    /// <summary>Null when the file carries no signature at all.</summary>
    public async Task<DocumentVerification?> VerifyAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        if (PdfSignatureReader.Read(pdf) is not { } parts)
        {
            return null;
        }
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var range = parts.ByteRange;
        var signedBytes = new byte[range[1] + range[3]];
        Array.Copy(pdf, range[0], signedBytes, 0, range[1]);
        Array.Copy(pdf, range[2], signedBytes, range[1], range[3]);
        // Only the /Contents hex string may be left out: the ranges start at 0, meet it on both sides, and end at the file's end.
        var coversWholeFile = range[0] == 0 && range[1] == parts.ContentsStart && range[2] == parts.ContentsEnd && range[2] + range[3] == pdf.Length;

        var cms = TryParse(parts.Cms, signedBytes);
        var signer = cms?.GetSignerInfos().GetSigners().FirstOrDefault();
        var certificates = cms?.GetCertificates().EnumerateMatches(null).ToList() ?? [];
        var certificate = signer is null ? null : cms!.GetCertificates().EnumerateMatches(signer.SignerID).FirstOrDefault();
        var cryptographicallyValid = signer is not null && certificate is not null && Verifies(signer, certificate);

        var token = signer is null ? null : TimestampToken(signer);
        var timestampValid = token is not null && TimestampTokens.Check(token, SHA256.HashData(signer!.GetSignature()), keys.TsaRoots) is null;
        DateTimeOffset? timestampedAt = token is null ? null : new DateTimeOffset(DateTime.SpecifyKind(token.TimeStampInfo.GenTime, DateTimeKind.Utc));
        // The seal certificate must have been valid when the TSA saw the signature (now, if there is no trusted time).
        var trusted = certificate is not null && CertificateChains.ChainsTo(certificate, certificates, keys.SealRoots,
            timestampValid ? timestampedAt!.Value.UtcDateTime : DateTime.UtcNow);

        ConsentReference? consent = null;
        foreach (var lookup in lookups)
        {
            consent ??= await lookup.FindBySha256Async(sha256, cancellationToken);
        }
        return new DocumentVerification(
            SignatureValid: cryptographicallyValid && trusted,
            DocumentUnmodified: cryptographicallyValid && coversWholeFile,
            Signer: certificate?.SubjectDN.GetValueList(X509Name.CN).FirstOrDefault(),
            SignedAt: parts.ClaimedTime,
            TimestampedAt: timestampedAt,
            TimestampValid: timestampValid,
            Sha256: sha256,
            CampaignId: consent?.CampaignId,
            ConsentId: consent?.ConsentId,
            ConsentStatus: consent?.Status);
    }

    private static CmsSignedData? TryParse(byte[] contents, byte[] signedBytes)
    {
        try
        {
            // /Contents is padded with zeros after the DER; read exactly one object.
            using var input = new Asn1InputStream(contents);
            return new CmsSignedData(new CmsProcessableByteArray(signedBytes), ContentInfo.GetInstance(input.ReadObject()));
        }
        catch (Exception e) when (e is IOException or ArgumentException or CmsException or InvalidCastException or Asn1Exception)
        {
            return null;
        }
    }

    private static bool Verifies(SignerInformation signer, Org.BouncyCastle.X509.X509Certificate certificate)
    {
        try
        {
            // The message-digest attribute against the byte range, and the signature over the signed attributes.
            return signer.Verify(certificate);
        }
        catch (Exception e) when (e is CmsException or Org.BouncyCastle.Security.GeneralSecurityException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static TimeStampToken? TimestampToken(SignerInformation signer)
    {
        var attribute = signer.UnsignedAttributes?[PkcsObjectIdentifiers.IdAASignatureTimeStampToken];
        if (attribute is null || attribute.AttrValues.Count != 1)
        {
            return null;
        }
        try
        {
            return new TimeStampToken(ContentInfo.GetInstance(attribute.AttrValues[0]));
        }
        catch (Exception e) when (e is TspException or TspValidationException or IOException or ArgumentException or CmsException)
        {
            return null;
        }
    }
}
