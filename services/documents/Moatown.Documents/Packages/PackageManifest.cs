using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moatown.Documents.Packages;

/// <summary>What the package holds: every other entry's path, size and SHA-256, signed by the provider (manifest.json.p7s).</summary>
public sealed record PackageManifest(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("campaignId")] Guid CampaignId,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("createdBy")] string CreatedBy,
    [property: JsonPropertyName("files")] IReadOnlyList<ManifestFile> Files)
{
    public const string FormatName = "moatown.submission-package/1";
    public const string FileName = "manifest.json";
    public const string SignatureFileName = "manifest.json.p7s";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}

public sealed record ManifestFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("sha256")] string Sha256)
{
    public static ManifestFile Of(string path, byte[] content) => new(path, content.LongLength, Convert.ToHexStringLower(SHA256.HashData(content)));
}
