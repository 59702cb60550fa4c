namespace Moatown.Signing.Consents;

/// <summary>
/// The handwritten signature as the holder drew it: strokes (points on a canvas of the given size) or a
/// PNG the client rasterised. Checked before anything is stored: an empty drawing is no signature.
/// </summary>
public sealed record SignatureArtwork(string? Png, IReadOnlyList<IReadOnlyList<SignaturePoint>>? Strokes, int? Width, int? Height)
{
    public const int MaxPngBytes = 512 * 1024;
    public const int MaxPoints = 20_000;
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Why the drawing is not a signature, or null when it is one.</summary>
    public string? Problem()
    {
        if (Png is { Length: > 0 } png)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(png);
            }
            catch (FormatException)
            {
                return "The signature PNG is not base64.";
            }
            return bytes.Length > MaxPngBytes ? $"The signature PNG is larger than {MaxPngBytes / 1024} KB."
                : !bytes.AsSpan().StartsWith(PngMagic) ? "The signature image is not a PNG."
                : null;
        }
        if (Strokes is not { Count: > 0 } strokes || strokes.All(s => s is null || s.Count < 2))
        {
            return "Draw the signature: at least one stroke of two points, or a PNG.";
        }
        if (Width is not (> 0 and <= 4000) || Height is not (> 0 and <= 4000))
        {
            return "Give the drawing canvas's width and height (1 to 4000).";
        }
        if (strokes.Sum(s => s?.Count ?? 0) > MaxPoints)
        {
            return $"The signature has more than {MaxPoints} points.";
        }
        return strokes.SelectMany(s => s ?? []).Any(p => p.X < 0 || p.Y < 0 || p.X > Width || p.Y > Height)
            ? "A point of the signature lies outside the canvas." : null;
    }
}

public sealed record SignaturePoint(double X, double Y);
