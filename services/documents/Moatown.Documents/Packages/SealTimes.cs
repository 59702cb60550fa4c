using Moatown.Documents.Sealing;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Tsp;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;

namespace Moatown.Documents.Packages;

/// <summary>The time-stamp's time inside a sealed PDF: seal jobs do not keep it, the document does.</summary>
internal static class SealTimes
{
    /// <summary>Null when the PDF carries no readable time-stamp (the roster then leaves the column empty).</summary>
    public static DateTimeOffset? TimestampOf(byte[] pdf)
    {
        try
        {
            if (PdfSignatureReader.Read(pdf) is not { } parts)
            {
                return null;
            }
            // /Contents is padded with zeros after the DER: read exactly one object.
            using var input = new Asn1InputStream(parts.Cms);
            var signer = new CmsSignedData(ContentInfo.GetInstance(input.ReadObject())).GetSignerInfos().GetSigners().FirstOrDefault();
            var attribute = signer?.UnsignedAttributes?[PkcsObjectIdentifiers.IdAASignatureTimeStampToken];
            if (attribute is null || attribute.AttrValues.Count != 1)
            {
                return null;
            }
            var token = new TimeStampToken(ContentInfo.GetInstance(attribute.AttrValues[0]));
            return new DateTimeOffset(DateTime.SpecifyKind(token.TimeStampInfo.GenTime, DateTimeKind.Utc));
        }
        catch (Exception e) when (e is CmsException or TspException or TspValidationException or IOException or ArgumentException or InvalidCastException)
        {
            return null;
        }
    }
}
