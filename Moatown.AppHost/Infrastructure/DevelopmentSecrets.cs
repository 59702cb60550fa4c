using System.Security.Cryptography;
using System.Text.Json;

namespace Moatown.AppHost.Infrastructure;

/// <summary>
/// Random secrets for a local run, made once and kept in the git-ignored state folder so data
/// created by one run stays readable by the next, and `./moatown up` can print them.
/// </summary>
internal sealed record DevelopmentSecrets(string PostgresPassword, string BrokerPassword, string DevClientSecret)
{
    public static DevelopmentSecrets LoadOrCreate(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, "secrets.json");
        if (File.Exists(path))
        {
            var existing = JsonSerializer.Deserialize<DevelopmentSecrets>(File.ReadAllText(path));
            if (existing is not null)
            {
                return existing;
            }
        }

        Directory.CreateDirectory(stateDirectory);
        var created = new DevelopmentSecrets(NewSecret(), NewSecret(), NewSecret());
        File.WriteAllText(path, JsonSerializer.Serialize(created));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return created;
    }

    // Hex keeps the secrets safe inside URIs and connection strings without escaping.
    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
