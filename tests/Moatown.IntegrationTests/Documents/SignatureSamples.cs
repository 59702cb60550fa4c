using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Moatown.Documents.Rendering;

namespace Moatown.IntegrationTests.Documents;

/// <summary>Signatures and evidence as the signing flow would send them.</summary>
internal static class SignatureSamples
{
    public static readonly ConsentEvidence Evidence = new(
        ConsentId: Guid.Parse("a1b2c3d4-0000-4000-8000-00000000c0de"),
        CampaignId: ConsentSamples.Form.CampaignId,
        HolderId: ConsentSamples.Owner.HolderId,
        VerificationMethod: "pass-sms",
        VerifiedAt: new DateTimeOffset(2026, 12, 4, 1, 2, 3, 456, TimeSpan.Zero),
        ClientAddress: "203.0.113.42",
        UserAgent: "Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
        FormViewedAt: new DateTimeOffset(2026, 12, 4, 1, 3, 0, 0, TimeSpan.Zero),
        ItemsAgreedAt: new DateTimeOffset(2026, 12, 4, 1, 4, 30, 0, TimeSpan.Zero),
        SignedAt: new DateTimeOffset(2026, 12, 4, 1, 5, 10, 0, TimeSpan.Zero),
        SubmittedAt: new DateTimeOffset(2026, 12, 4, 1, 5, 11, 250, TimeSpan.Zero),
        IdempotencyKeyHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

    /// <summary>A zigzag and a dot, on a 300 × 150 canvas.</summary>
    public static SignatureArtwork Strokes() => SignatureArtwork.FromStrokes(
        [
            [new(20, 120), new(60, 30), new(100, 120), new(140, 30), new(180, 120), new(320, -5)],
            [new(250, 60)],
        ],
        300, 150);

    /// <summary>A real PNG, made here so the test needs no image library: a dark diagonal on white.</summary>
    public static byte[] Png(int width = 64, int height = 32)
    {
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            for (var x = 0; x < width; x++)
            {
                var ink = Math.Abs(x * height / width - y) <= 1;
                raw[row + 1 + x * 3] = raw[row + 2 + x * 3] = raw[row + 3 + x * 3] = ink ? (byte)0 : (byte)255;
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }
            Chunk(png, "IDAT", compressed.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
