namespace Moatown.Documents.Rendering;

/// <summary>
/// The handwritten signature as the phone captured it: either the strokes (drawn as vector lines,
/// sharp at any zoom) with the size of the canvas they were drawn on, or a PNG of the signature pad.
/// Exactly one of the two.
/// </summary>
public sealed record SignatureArtwork(
    byte[]? Png,
    IReadOnlyList<IReadOnlyList<SignaturePoint>>? Strokes,
    double CanvasWidth = 0,
    double CanvasHeight = 0)
{
    public static SignatureArtwork FromPng(byte[] png) => new(png, null);

    public static SignatureArtwork FromStrokes(IReadOnlyList<IReadOnlyList<SignaturePoint>> strokes, double canvasWidth, double canvasHeight) =>
        new(null, strokes, canvasWidth, canvasHeight);
}

/// <summary>A point of a stroke in canvas units, origin top left as browsers report it.</summary>
public sealed record SignaturePoint(double X, double Y);
