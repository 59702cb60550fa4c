using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Moatown.Identity.Data;
using Moatown.ServiceDefaults.Inspection;
using OpenIddict.Server;

namespace Moatown.Identity.Inspection;

/// <summary>Identity's own keys for the report: the certificates that sign and encrypt tokens.</summary>
internal sealed class IdentityInspection(IOptionsMonitor<OpenIddictServerOptions> server) : IInspectionContributor
{
    public Task ContributeAsync(InspectionFindings findings, CancellationToken cancellationToken)
    {
        var options = server.CurrentValue;
        foreach (var certificate in options.SigningCredentials.Select(c => c.Key).OfType<X509SecurityKey>().Select(k => k.Certificate))
        {
            findings.Certificates.Add(ServiceInspector<IdentityDbContext>.Certificate("token signing", certificate));
        }
        foreach (var certificate in options.EncryptionCredentials.Select(c => c.Key).OfType<X509SecurityKey>().Select(k => k.Certificate))
        {
            findings.Certificates.Add(ServiceInspector<IdentityDbContext>.Certificate("token encryption", certificate));
        }
        return Task.CompletedTask;
    }
}
