using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Moatown.Campaigns.Registry;

/// <summary>
/// The version of a roll: SHA-256 of a canonical text of its validated values, so that the same
/// roll saved differently (row or column order, quoting, BOM, line endings, Korean headers,
/// 0.5 for 1/2, 010-… for +8210…) keeps its version and any change of a value changes it.
/// The file's line numbers are not part of it.
/// </summary>
internal static class RollVersion
{
    // Changing the canonical form changes every roll's version: bump the tag when doing so.
    private static readonly string Preamble =
        $"moatown-roll/1\n{string.Join(',', RollColumns.All.Select(c => c.Name))}\n";

    public static string Of(IReadOnlyList<RollRow> rows)
    {
        var lines = new string[rows.Count];
        var canonical = new StringBuilder(256);
        for (var i = 0; i < rows.Count; i++) lines[i] = Canonical(rows[i], canonical.Clear());
        Array.Sort(lines, StringComparer.Ordinal);

        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[4096];
        Append(sha256, Preamble, ref buffer);
        foreach (var line in lines) Append(sha256, line, ref buffer);
        return "sha256:" + Convert.ToHexStringLower(sha256.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string text, ref byte[] buffer)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (needed > buffer.Length) buffer = new byte[needed];
        hash.AppendData(buffer, 0, Encoding.UTF8.GetBytes(text, buffer));
    }

    /// <summary>Every value quoted (empty when absent), in specification column order, LF-terminated.</summary>
    private static string Canonical(RollRow row, StringBuilder line)
    {
        Value(line, row.PropertyId);
        Value(line, Word(row.PropertyKind));
        Value(line, row.LotNumber);
        Value(line, row.LandAreaM2 is { } area ? Fraction.FromDecimal(area).ToString() : null);
        Value(line, row.OwnerId);
        Value(line, row.OwnerName);
        Value(line, row.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Value(line, row.Phone);
        Value(line, row.Share.ToString());
        Value(line, row.IsRepresentative ? "Y" : null);
        Value(line, Word(row.OwnerType));
        Value(line, row.ManagingAuthority);
        Value(line, Word(row.Status));
        Value(line, row.Address);
        line[^1] = '\n';
        return line.ToString();
    }

    private static void Value(StringBuilder line, string? value)
    {
        if (value is not null) line.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
        line.Append(',');
    }

    private static string Word<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
