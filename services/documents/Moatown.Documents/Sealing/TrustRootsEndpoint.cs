using System.Text;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.X509;

namespace Moatown.Documents.Sealing;

/// <summary>
/// <c>GET /api/documents/trust/seal-roots.pem</c> and <c>…/tsa-roots.pem</c>: the root certificates a
/// sealed document's signature and time-stamp chain to, published so anyone can run the checks
/// (<c>openssl ts -verify -CAfile tsa-roots.pem</c>) without asking us. Certificates only; anonymous.
/// </summary>
public static class TrustRootsEndpoint
{
    public static WebApplication MapTrustRoots(this WebApplication app)
    {
        var trust = app.MapGroup("/api/documents/trust").AllowAnonymous().WithTags("Verification");
        trust.MapGet("/seal-roots.pem", (SealingKeys keys) => Pem(keys.SealRoots))
            .WithName("GetSealRoots").WithSummary("The roots the provider's seal chains to (PEM)");
        trust.MapGet("/tsa-roots.pem", (SealingKeys keys) => Pem(keys.TsaRoots))
            .WithName("GetTsaRoots").WithSummary("The roots the time-stamp authority chains to (PEM)");
        return app;
    }

    private static IResult Pem(IEnumerable<X509Certificate> certificates)
    {
        var text = new StringWriter();
        var writer = new PemWriter(text);
        foreach (var certificate in certificates)
        {
            writer.WriteObject(certificate);
        }
        writer.Writer.Flush();
        return TypedResults.Text(text.ToString(), "application/x-pem-file", Encoding.ASCII);
    }
}
