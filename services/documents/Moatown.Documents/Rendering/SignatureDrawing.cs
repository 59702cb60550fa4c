using PdfSharp.Drawing;

namespace Moatown.Documents.Rendering;

/// <summary>
/// Checks a signature before anything is drawn, and draws it fitted into a box. Checking first means a
/// bad signature is a clear 400 for the phone, never a half-made document or an exception from PDFsharp.
/// </summary>
internal sealed class SignatureDrawing : IDisposable
{
    // Bounds that no real signature reaches and that keep one request's work small.
    private const int MaxPoints = 20_000;
    private const int MaxPngBytes = 2 * 1024 * 1024;
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly SignatureArtwork _artwork;
    private readonly XImage? _image;

    private SignatureDrawing(SignatureArtwork artwork, XImage? image)
    {
        _artwork = artwork;
        _image = image;
    }

    public static SignatureDrawing Check(SignatureArtwork? artwork)
    {
        if (artwork is null)
        {
            throw new SignatureArtworkException("A signature is required.");
        }
        var hasPng = artwork.Png is { Length: > 0 };
        var hasStrokes = artwork.Strokes is { Count: > 0 };
        if (hasPng == hasStrokes)
        {
            throw new SignatureArtworkException(hasPng
                ? "Send the signature either as strokes or as a PNG, not both."
                : "The signature has neither strokes nor a PNG image.");
        }
        return hasPng ? new(artwork, LoadPng(artwork.Png!)) : new(CheckStrokes(artwork), null);
    }

    private static XImage LoadPng(byte[] png)
    {
        if (png.Length > MaxPngBytes)
        {
            throw new SignatureArtworkException($"The signature image is larger than {MaxPngBytes / 1024} KiB.");
        }
        if (!png.AsSpan().StartsWith(PngMagic))
        {
            throw new SignatureArtworkException("The signature image is not a PNG.");
        }
        try
        {
            var image = XImage.FromStream(new MemoryStream(png, writable: false));
            if (image.PixelWidth <= 0 || image.PixelHeight <= 0)
            {
                throw new SignatureArtworkException("The signature image is empty.");
            }
            return image;
        }
        catch (Exception exception) when (exception is not SignatureArtworkException)
        {
            // PDFsharp's decoder throws assorted types for a damaged file; the caller only needs to know it is unusable.
            throw new SignatureArtworkException("The signature PNG cannot be read.");
        }
    }

    private static SignatureArtwork CheckStrokes(SignatureArtwork artwork)
    {
        if (!(double.IsFinite(artwork.CanvasWidth) && double.IsFinite(artwork.CanvasHeight) && artwork.CanvasWidth > 0 && artwork.CanvasHeight > 0))
        {
            throw new SignatureArtworkException("The signature canvas needs a positive width and height.");
        }
        var points = 0;
        foreach (var stroke in artwork.Strokes!)
        {
            if (stroke is null)
            {
                throw new SignatureArtworkException("A signature stroke is missing.");
            }
            foreach (var point in stroke)
            {
                if (point is null || !double.IsFinite(point.X) || !double.IsFinite(point.Y))
                {
                    throw new SignatureArtworkException("A signature point is not a number.");
                }
                points++;
            }
        }
        if (points == 0)
        {
            throw new SignatureArtworkException("The signature strokes have no points.");
        }
        if (points > MaxPoints)
        {
            throw new SignatureArtworkException($"The signature has more than {MaxPoints} points.");
        }
        return artwork;
    }

    /// <summary>Draws the signature as large as fits in <paramref name="box"/>, keeping its proportions, centred.</summary>
    public void Draw(XGraphics gfx, XRect box)
    {
        if (_image is { } image)
        {
            var imageScale = Math.Min(box.Width / image.PixelWidth, box.Height / image.PixelHeight);
            var width = image.PixelWidth * imageScale;
            var height = image.PixelHeight * imageScale;
            gfx.DrawImage(image, box.X + (box.Width - width) / 2, box.Y + (box.Height - height) / 2, width, height);
            return;
        }
        var scale = Math.Min(box.Width / _artwork.CanvasWidth, box.Height / _artwork.CanvasHeight);
        var left = box.X + (box.Width - _artwork.CanvasWidth * scale) / 2;
        var top = box.Y + (box.Height - _artwork.CanvasHeight * scale) / 2;
        var pen = new XPen(XColors.Black, 1.6) { LineCap = XLineCap.Round, LineJoin = XLineJoin.Round };
        foreach (var stroke in _artwork.Strokes!.Where(s => s.Count > 0))
        {
            // A finger can leave the canvas mid-stroke; such points are pinned to its edge, not refused.
            var points = stroke.Select(p => new XPoint(
                left + Math.Clamp(p.X, 0, _artwork.CanvasWidth) * scale,
                top + Math.Clamp(p.Y, 0, _artwork.CanvasHeight) * scale)).ToArray();
            if (points.Length == 1)
            {
                // A tap is a dot (the dot of an i, a full stop).
                gfx.DrawEllipse(XBrushes.Black, points[0].X - 1, points[0].Y - 1, 2, 2);
                continue;
            }
            gfx.DrawLines(pen, points);
        }
    }

    public void Dispose() => _image?.Dispose();
}
