using QRCoder;

namespace Moatown.Campaigns.Entry;

/// <summary>The QR code of a campaign's entry page, in the forms an organizer prints or puts on a web page.</summary>
internal sealed class EntryQrCode
{
    public const int MinPixelsPerModule = 4;
    public const int MaxPixelsPerModule = 40;
    public const int DefaultPixelsPerModule = 10;

    // Q restores a quarter of the code: a poster on a notice board gets torn, faded and taped over.
    private const QRCodeGenerator.ECCLevel ErrorCorrection = QRCodeGenerator.ECCLevel.Q;

    private readonly string _link;

    public EntryQrCode(string link) => _link = link;

    public byte[] Png(int pixelsPerModule)
    {
        using var data = Encode();
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public string Svg()
    {
        using var data = Encode();
        // A view box rather than a fixed size: the SVG is for scaling to whatever is printed.
        return new SvgQRCode(data).GetGraphic(DefaultPixelsPerModule, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>Dark modules by row, quiet zone included, for drawing the code as vector shapes.</summary>
    public bool[][] Modules()
    {
        using var data = Encode();
        return [.. data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray())];
    }

    private QRCodeData Encode() => QRCodeGenerator.GenerateQrCode(_link, ErrorCorrection);
}
