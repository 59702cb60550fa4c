using Microsoft.Extensions.Options;
using Org.BouncyCastle.X509;

namespace Moatown.Documents.Sealing;

/// <summary>
/// The seal and TSA key material: from configured PKCS#12 files, or in Development generated on first
/// run into the key directory (<c>Documents:Sealing:KeyDirectory</c>, under the content root, git-ignored).
/// Loaded once, on first use.
/// </summary>
public sealed class SealingKeys
{
    private readonly Lazy<SigningCredentials> _seal;
    private readonly Lazy<IReadOnlyList<X509Certificate>> _sealRoots;
    private readonly Lazy<SigningCredentials?> _tsa;
    private readonly Lazy<IReadOnlyList<X509Certificate>> _tsaRoots;

    public SealingKeys(IOptions<SealingOptions> sealing, IOptions<TsaOptions> tsa, IHostEnvironment environment)
    {
        var options = sealing.Value;
        var tsaOptions = tsa.Value;
        var directory = Path.Combine(environment.ContentRootPath, options.KeyDirectory);
        BuiltInTsaEnabled = tsaOptions.BuiltIn.Enabled ?? environment.IsDevelopment();

        _seal = new(() => options.CertificatePath is { Length: > 0 } path
            ? CredentialFiles.LoadPkcs12(path, options.CertificatePassword)
            : environment.IsDevelopment()
                ? CredentialFiles.LoadOrCreate(directory, "seal", "Moatown e-consent development root CA", "Moatown e-consent seal", timeStamping: false)
                : throw new InvalidOperationException($"{SealingOptions.Section}:CertificatePath is required outside Development."));
        _sealRoots = new(() => options.TrustedRootPath is { Length: > 0 } path ? CredentialFiles.ReadPem(path) : [Seal.Root]);
        _tsa = new(() => !BuiltInTsaEnabled ? null
            : tsaOptions.BuiltIn.CertificatePath is { Length: > 0 } path
                ? CredentialFiles.LoadPkcs12(path, tsaOptions.BuiltIn.CertificatePassword)
                : CredentialFiles.LoadOrCreate(directory, "tsa", "Moatown development TSA root", "Moatown development TSA", timeStamping: true));
        _tsaRoots = new(() => tsaOptions.TrustedRootPath is { Length: > 0 } path ? CredentialFiles.ReadPem(path)
            : BuiltInTsa is { } builtIn ? [builtIn.Root]
            : throw new InvalidOperationException($"{TsaOptions.Section}:TrustedRootPath is required when the built-in TSA is off."));
    }

    public bool BuiltInTsaEnabled { get; }

    /// <summary>The provider's seal: the "Moatown e-consent seal" certificate and its chain.</summary>
    public SigningCredentials Seal => _seal.Value;

    /// <summary>Roots a seal must chain to for verification to call it valid.</summary>
    public IReadOnlyList<X509Certificate> SealRoots => _sealRoots.Value;

    /// <summary>The built-in TSA's key and chain, or null when it is not enabled.</summary>
    public SigningCredentials? BuiltInTsa => _tsa.Value;

    /// <summary>Roots a time-stamp token's signer must chain to.</summary>
    public IReadOnlyList<X509Certificate> TsaRoots => _tsaRoots.Value;
}
