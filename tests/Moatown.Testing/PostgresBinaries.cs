using System.Globalization;

namespace Moatown.Testing;

/// <summary>Locates the client tools the same way postgres.sh locates the server.</summary>
internal static class PostgresBinaries
{
    private static readonly Lazy<string?> LazyDirectory = new(FindDirectory);

    /// <summary>Debian's /usr/bin/psql is a version-picking wrapper; prefer the versioned binary.</summary>
    public static string Tool(string name)
    {
        var directory = LazyDirectory.Value;
        var path = directory is null ? null : Path.Combine(directory, name);
        return path is not null && File.Exists(path) ? path : name;
    }

    private static string? FindDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("MOATOWN_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }
        if (!Directory.Exists("/usr/lib/postgresql"))
        {
            return null;
        }
        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: ParseVersion(Path.GetFileName(d))))
            .Where(d => d.Version is not null && Directory.Exists(d.Dir))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    private static decimal? ParseVersion(string name) =>
        decimal.TryParse(name, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var version) ? version : null;
}
