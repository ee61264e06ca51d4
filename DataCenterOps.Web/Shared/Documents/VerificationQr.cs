using PdfSharp.Drawing;
using QRCoder;

namespace DataCenterOps.Web.Shared.Documents;

/// <summary>A QR code as a PNG (QRCoder's PngByteQRCode: no System.Drawing) and as an image PDFsharp can place.</summary>
public static class VerificationQr
{
    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }

    internal static XImage Image(string text) => XImage.FromStream(new MemoryStream(Png(text), writable: false));
}
