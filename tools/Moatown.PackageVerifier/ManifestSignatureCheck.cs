using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.X509;

namespace Moatown.PackageVerifier;

/// <summary>The detached CMS over manifest.json: it verifies, and its signer chains to one of the given roots.</summary>
internal static class ManifestSignatureCheck
{
    private const int MaxDepth = 5;

    /// <summary>Null when it holds; otherwise why not.</summary>
    public static string? Check(byte[] manifest, byte[] signature, IReadOnlyList<X509Certificate> roots)
    {
        try
        {
            var signed = new CmsSignedData(new CmsProcessableByteArray(manifest), signature);
            var signers = signed.GetSignerInfos().GetSigners();
            if (signers.Count != 1)
            {
                return $"{signers.Count} signers, expected one";
            }
            var signer = signers.First();
            var certificates = signed.GetCertificates().EnumerateMatches(null).ToList();
            var certificate = certificates.FirstOrDefault(c => signer.SignerID.Match(c));
            if (certificate is null)
            {
                return "the signer's certificate is not in the signature";
            }
            if (!signer.Verify(certificate))
            {
                return "the signature does not verify over manifest.json";
            }
            var at = SigningTime(signer) ?? DateTime.UtcNow;
            return ChainsTo(certificate, certificates, roots, at) ? null : "the signer does not chain to the seal roots";
        }
        catch (Exception e) when (e is CmsException or Org.BouncyCastle.Security.GeneralSecurityException or ArgumentException or InvalidOperationException or IOException)
        {
            return $"the signature does not verify over manifest.json ({e.Message})";
        }
    }

    private static DateTime? SigningTime(SignerInformation signer) =>
        signer.SignedAttributes?[CmsAttributes.SigningTime] is { AttrValues.Count: 1 } attribute
            ? Time.GetInstance(attribute.AttrValues[0]).ToDateTime()
            : null;

    /// <summary>Leaf, through the certificates the signature carries, to a root; each certificate valid then and signed by the next.</summary>
    private static bool ChainsTo(X509Certificate leaf, List<X509Certificate> carried, IReadOnlyList<X509Certificate> roots, DateTime at)
    {
        var current = leaf;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            if (!current.IsValid(at))
            {
                return false;
            }
            if (roots.Any(root => root.Equals(current) || IssuedBy(current, root)))
            {
                return true;
            }
            var issuer = carried.FirstOrDefault(c => !c.Equals(current) && IssuedBy(current, c));
            if (issuer is null)
            {
                return false;
            }
            current = issuer;
        }
        return false;
    }

    private static bool IssuedBy(X509Certificate certificate, X509Certificate issuer)
    {
        if (!certificate.IssuerDN.Equivalent(issuer.SubjectDN))
        {
            return false;
        }
        try
        {
            certificate.Verify(issuer.GetPublicKey());
            return true;
        }
        catch (Exception e) when (e is Org.BouncyCastle.Security.GeneralSecurityException or Org.BouncyCastle.Security.InvalidKeyException or InvalidOperationException)
        {
            return false;
        }
    }
}
