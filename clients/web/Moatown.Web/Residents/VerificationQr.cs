using QRCoder;

namespace Moatown.Web.Residents;

/// <summary>
/// The QR code on a receipt: it opens the public verification page for the sealed document's hash, so
/// anyone holding the paper or the PDF can check it was sealed and not changed. Made on the server as a
/// PNG (a data: address, which the page's policy allows) — no script, no request elsewhere.
/// </summary>
internal static class VerificationQr
{
    public static string VerifyUrl(HttpContext http, IConfiguration configuration, string sha256Hex)
    {
        // The gateway's public address (the AppHost sets it); else the address this page was asked at.
        var publicUrl = configuration["Web:PublicUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{http.Request.Scheme}://{http.Request.Host}";
        return $"{publicUrl}/verify?sha256={Uri.EscapeDataString(sha256Hex)}";
    }

    public static string PngDataUrl(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }
}
