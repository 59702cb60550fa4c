using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Moatown.PackageVerifier;

/// <summary>
/// The checks on a submission package: the manifest's signature and its signer's chain to the seal
/// roots, then every listed file's size and SHA-256, then that nothing else is in the archive.
/// </summary>
public static class PackageVerification
{
    private const string Manifest = "manifest.json";
    private const string Signature = "manifest.json.p7s";
    private const string PackagedRoots = "seal-roots.pem";

    public static Report Run(string packagePath, string? rootsPath)
    {
        var report = new Report();
        Dictionary<string, byte[]> entries;
        try
        {
            entries = ReadEntries(packagePath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            report.Fail($"{packagePath}: not a readable ZIP ({e.Message})");
            return report;
        }
        if (!entries.TryGetValue(Manifest, out var manifest) || !entries.TryGetValue(Signature, out var signature))
        {
            report.Fail($"{Manifest} or {Signature} missing from the package");
            return report;
        }

        var roots = Roots(entries, rootsPath, report);
        if (roots is null)
        {
            return report;
        }
        if (ManifestSignatureCheck.Check(manifest, signature, roots) is { } problem)
        {
            report.Fail($"{Signature}: {problem}");
        }
        else
        {
            report.Pass($"{Signature}: the signature over {Manifest} verifies and its signer chains to the seal roots");
        }

        IReadOnlyList<ListedFile> listed;
        try
        {
            listed = ListedFiles(manifest);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            report.Fail($"{Manifest}: not a readable manifest ({e.Message})");
            return report;
        }
        foreach (var file in listed)
        {
            CheckFile(file, entries, report);
        }
        var known = listed.Select(f => f.Path).Append(Manifest).Append(Signature).ToHashSet(StringComparer.Ordinal);
        var unlisted = entries.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal).ToList();
        foreach (var path in unlisted)
        {
            report.Fail($"{path}: in the package but not in the manifest");
        }
        if (unlisted.Count == 0)
        {
            report.Pass($"no file outside the manifest ({listed.Count} listed)");
        }
        return report;
    }

    private static void CheckFile(ListedFile file, Dictionary<string, byte[]> entries, Report report)
    {
        if (!entries.TryGetValue(file.Path, out var content))
        {
            report.Fail($"{file.Path}: listed in the manifest but missing");
        }
        else if (content.LongLength != file.Size)
        {
            report.Fail($"{file.Path}: {content.LongLength} bytes, the manifest says {file.Size}");
        }
        else if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), file.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            report.Fail($"{file.Path}: SHA-256 differs from the manifest");
        }
        else
        {
            report.Pass($"{file.Path}: size and SHA-256 match");
        }
    }

    private static IReadOnlyList<Org.BouncyCastle.X509.X509Certificate>? Roots(Dictionary<string, byte[]> entries, string? rootsPath, Report report)
    {
        byte[] pem;
        if (rootsPath is null)
        {
            if (!entries.TryGetValue(PackagedRoots, out var packaged))
            {
                report.Fail($"no --roots given and no {PackagedRoots} in the package");
                return null;
            }
            // The package's own roots prove only that it is consistent, not who made it.
            report.Warn($"checking against the package's own {PackagedRoots}; take the roots from the published source " +
                "(GET /api/documents/trust/seal-roots.pem) and pass them with --roots");
            pem = packaged;
        }
        else
        {
            try
            {
                pem = File.ReadAllBytes(rootsPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                report.Fail($"{rootsPath}: cannot be read ({e.Message})");
                return null;
            }
        }
        var roots = Pem.Certificates(pem);
        if (roots.Count == 0)
        {
            report.Fail("the seal roots hold no certificate");
            return null;
        }
        return roots;
    }

    private static Dictionary<string, byte[]> ReadEntries(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            // Two entries of one name: which one a reader shows is up to the reader, so it fails.
            if (!entries.TryAdd(entry.FullName, copy.ToArray()))
            {
                throw new InvalidDataException($"the entry {entry.FullName} appears twice");
            }
        }
        return entries;
    }

    private static List<ListedFile> ListedFiles(byte[] manifest)
    {
        using var json = JsonDocument.Parse(manifest);
        return [.. json.RootElement.GetProperty("files").EnumerateArray().Select(f => new ListedFile(
            f.GetProperty("path").GetString() ?? throw new InvalidOperationException("a file without a path"),
            f.GetProperty("size").GetInt64(),
            f.GetProperty("sha256").GetString() ?? throw new InvalidOperationException("a file without a SHA-256")))];
    }

    private sealed record ListedFile(string Path, long Size, string Sha256);
}
