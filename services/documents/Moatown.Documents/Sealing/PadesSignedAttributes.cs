using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.X509;
using Attribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using AttributeTable = Org.BouncyCastle.Asn1.Cms.AttributeTable;

namespace Moatown.Documents.Sealing;

/// <summary>
/// The signed attributes of a PAdES baseline signature: content-type, message-digest and
/// signing-certificate-v2 (binding the signer's certificate, by SHA-256, into what is signed). No
/// signing-time: PAdES (ETSI EN 319 142-1 §5.1) forbids it; the trusted time is the time-stamp's.
/// </summary>
internal sealed class PadesSignedAttributes(X509Certificate signer) : CmsAttributeTableGenerator
{
    public AttributeTable GetAttributes(IDictionary<CmsAttributeTableParameter, object> parameters)
    {
        var contentType = (DerObjectIdentifier)parameters[CmsAttributeTableParameter.ContentType];
        var digest = (byte[])parameters[CmsAttributeTableParameter.Digest];
        var certificateId = new EssCertIDv2(SHA256.HashData(signer.GetEncoded()),
            new IssuerSerial(new GeneralNames(new GeneralName(signer.IssuerDN)), new DerInteger(signer.SerialNumber)));
        return new AttributeTable(new Asn1EncodableVector(
            new Attribute(CmsAttributes.ContentType, new DerSet(contentType)),
            new Attribute(CmsAttributes.MessageDigest, new DerSet(new DerOctetString(digest))),
            new Attribute(PkcsObjectIdentifiers.IdAASigningCertificateV2, new DerSet(new SigningCertificateV2([certificateId])))));
    }
}
