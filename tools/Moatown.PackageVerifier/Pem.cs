using System.Text;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.X509;

namespace Moatown.PackageVerifier;

internal static class Pem
{
    public static IReadOnlyList<X509Certificate> Certificates(byte[] pem)
    {
        var reader = new PemReader(new StringReader(Encoding.ASCII.GetString(pem)));
        var certificates = new List<X509Certificate>();
        while (reader.ReadObject() is { } item)
        {
            if (item is X509Certificate certificate)
            {
                certificates.Add(certificate);
            }
        }
        return certificates;
    }
}
