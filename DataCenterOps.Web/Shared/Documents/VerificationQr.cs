using PdfSharp.Drawing;
using QRCoder;

namespace DataCenterOps.Web.Shared.Documents;

/// <summary>
/// A QR code as a PNG (QRCoder's PngByteQRCode: no System.Drawing) and as an image PDFsharp can place. The colour
/// overload is used on purpose: it writes a 1-bit palette PNG, which PDFsharp's Core importer reads, whereas the default
/// 1-bit greyscale PNG is "Unsupported image format" there.
/// </summary>
public static class VerificationQr
{
    private static readonly byte[] s_dark = [0, 0, 0, 255];
    private static readonly byte[] s_light = [255, 255, 255, 255];

    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule, s_dark, s_light, drawQuietZones: true);
    }

    internal static XImage Image(string text) => XImage.FromStream(new MemoryStream(Png(text), writable: false));
}
