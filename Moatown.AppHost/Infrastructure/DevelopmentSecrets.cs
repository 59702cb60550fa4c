using System.Security.Cryptography;
using System.Text.Json;

namespace Moatown.AppHost.Infrastructure;

/// <summary>
/// Random secrets for a local run, made once and kept in the git-ignored state folder so data
/// created by one run stays readable by the next, and `./moatown up` can print them. Secrets
/// added in later versions are generated into an existing file without touching the others.
/// </summary>
internal sealed record DevelopmentSecrets
{
    public string PostgresPassword { get; init; } = NewSecret();
    public string BrokerPassword { get; init; } = NewSecret();
    public string DevClientSecret { get; init; } = NewSecret();
    /// <summary>The notifications service's own OAuth client secret (it calls campaigns).</summary>
    public string NotificationsClientSecret { get; init; } = NewSecret();
    /// <summary>The identity service's own OAuth client secret (it asks campaigns about the roll).</summary>
    public string IdentityClientSecret { get; init; } = NewSecret();
    /// <summary>The signing service's own OAuth client secret (it asks documents for forms).</summary>
    public string SigningClientSecret { get; init; } = NewSecret();
    /// <summary>The documents service's own OAuth client secret (it asks campaigns and signing when it renders and seals).</summary>
    public string DocumentsClientSecret { get; init; } = NewSecret();
    /// <summary>AES-256 key (base64) that seals verification codes from identity to notifications.</summary>
    public string VerificationCodeKey { get; init; } = NewKey();
    /// <summary>AES-256 key (base64) for personal data in service databases.</summary>
    public string PersonalDataKey { get; init; } = NewKey();
    /// <summary>When <see cref="PersonalDataKey"/> was made (yyyy-MM-dd): the inspection report checks its age.</summary>
    public string PersonalDataKeyIssuedOn { get; init; } = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    /// <summary>HMAC key (base64) for blind indexes of personal data.</summary>
    public string BlindIndexKey { get; init; } = NewKey();
    /// <summary>AES-256 master key (base64) of the documents vault, id "m1": it wraps the campaign keys.</summary>
    public string DocumentsMasterKey { get; init; } = NewKey();
    /// <summary>Identity's client secret at the simulated certificate provider.</summary>
    public string SimulatedProviderClientSecret { get; init; } = NewSecret();
    /// <summary>HMAC key (base64) from which the simulated provider derives connecting information (CI).</summary>
    public string SimulatedProviderConnectingInformationKey { get; init; } = NewKey();

    public static DevelopmentSecrets LoadOrCreate(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, "secrets.json");
        var secrets = File.Exists(path) ? JsonSerializer.Deserialize<DevelopmentSecrets>(File.ReadAllText(path)) : null;
        secrets ??= new DevelopmentSecrets();

        Directory.CreateDirectory(stateDirectory);
        File.WriteAllText(path, JsonSerializer.Serialize(secrets));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return secrets;
    }

    // Hex keeps the secrets safe inside URIs and connection strings without escaping.
    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
