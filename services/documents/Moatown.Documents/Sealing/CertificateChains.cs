using Org.BouncyCastle.X509;

namespace Moatown.Documents.Sealing;

/// <summary>
/// A deliberately small path check: the leaf, through certificates the signature carries, to one of our
/// configured roots, each signature verified and each certificate valid at the given time. Revocation is
/// not checked (the development chains have no CRL or OCSP).
/// </summary>
internal static class CertificateChains
{
    private const int MaxDepth = 5;

    public static bool ChainsTo(X509Certificate leaf, IEnumerable<X509Certificate> intermediates, IReadOnlyList<X509Certificate> roots, DateTime at)
    {
        var candidates = intermediates.ToList();
        var current = leaf;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            if (!current.IsValid(at))
            {
                return false;
            }
            if (roots.Any(root => root.Equals(current)))
            {
                return true;
            }
            if (roots.FirstOrDefault(root => IssuedBy(current, root)) is not null)
            {
                return true;
            }
            var issuer = candidates.FirstOrDefault(candidate => !candidate.Equals(current) && IssuedBy(current, candidate));
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
