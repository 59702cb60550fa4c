using System.Security.Cryptography.X509Certificates;

namespace Moatown.Identity.Authorization;

/// <summary>
/// Where the keys that sign tokens (and encrypt the server's own internal tokens) come from.
/// No key ever lives in the repository.
/// </summary>
internal static class ServerKeys
{
    public static OpenIddictServerBuilder AddServerKeys(
        this OpenIddictServerBuilder server, IHostEnvironment environment, IConfiguration configuration)
    {
        if (environment.IsDevelopment())
        {
            // Generated once into the user's X509 store (outside git) and reused on every start,
            // so tokens stay valid across restarts and replicas on the same machine agree.
            return server
                .AddDevelopmentSigningCertificate()
                .AddDevelopmentEncryptionCertificate();
        }

        // Elsewhere the operator provides the certificates (e.g. mounted secrets); a missing one
        // stops the start-up rather than letting the service run with throwaway keys.
        return server
            .AddSigningCertificate(Load(configuration, "Identity:SigningCertificate"))
            .AddEncryptionCertificate(Load(configuration, "Identity:EncryptionCertificate"));
    }

    private static X509Certificate2 Load(IConfiguration configuration, string section)
    {
        var path = configuration[$"{section}:Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException($"{section}:Path is not configured: a PKCS#12 (.pfx) certificate is required outside Development.");
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{section}:Path names a file that does not exist.");
        }

        // Ephemeral: the private key stays in memory and is never written to a key store on disk.
        return X509CertificateLoader.LoadPkcs12FromFile(
            path, configuration[$"{section}:Password"], X509KeyStorageFlags.EphemeralKeySet);
    }
}
