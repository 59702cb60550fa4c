using System.IO.Compression;

namespace Moatown.IntegrationTests.Documents;

/// <summary>A submission package unzipped in memory, and rewritten with one entry changed (to tamper with it).</summary>
public static class PackageZips
{
    public static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    /// <summary>The entry names in archive order.</summary>
    public static List<string> Names(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    public static byte[] With(byte[] zip, string path, Func<byte[], byte[]> change)
    {
        var entries = Entries(zip);
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in Names(zip))
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(name == path ? change(entries[name]) : entries[name]);
            }
        }
        return output.ToArray();
    }
}
