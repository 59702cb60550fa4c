namespace Moatown.Documents.Sealing;

/// <summary>
/// <c>Documents:Sealing</c>: where the provider's seal certificate comes from. Outside Development a
/// PKCS#12 file (certificate, key and chain) must be configured; in Development it is generated on first
/// run into <see cref="KeyDirectory"/>, which git ignores.
/// </summary>
public sealed class SealingOptions
{
    public const string Section = "Documents:Sealing";

    /// <summary>Generated development keys; relative paths are under the content root.</summary>
    public string KeyDirectory { get; set; } = ".keys";

    /// <summary>A PKCS#12 (.pfx) file holding the seal key, its certificate and chain.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>PEM file with the root(s) a seal certificate must chain to for verification to call it valid; defaults to the issuer in the PFX chain.</summary>
    public string? TrustedRootPath { get; set; }
}

/// <summary><c>Documents:Tsa</c>: the RFC 3161 time-stamp authority the sealer asks.</summary>
public sealed class TsaOptions
{
    public const string Section = "Documents:Tsa";

    /// <summary>The TSA's URL. Empty in Development means this service's own built-in TSA.</summary>
    public string? Url { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>PEM file with the TSA root(s) a time-stamp token must chain to; the built-in TSA's root when it is enabled.</summary>
    public string? TrustedRootPath { get; set; }

    public BuiltInTsaOptions BuiltIn { get; set; } = new();
}

/// <summary><c>Documents:Tsa:BuiltIn</c>: the development TSA served at <c>POST /internal/tsa</c>.</summary>
public sealed class BuiltInTsaOptions
{
    /// <summary>Default: true in Development, false otherwise (set in <see cref="SealingExtensions"/>).</summary>
    public bool? Enabled { get; set; }

    /// <summary>A PKCS#12 file for the TSA key and chain; generated into the sealing key directory when empty.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}
