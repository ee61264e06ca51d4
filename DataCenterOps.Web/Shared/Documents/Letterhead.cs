using Microsoft.Extensions.Options;
using PdfSharp.Drawing;

namespace DataCenterOps.Web.Shared.Documents;

/// <summary>
/// The kop surat from <c>Documents:Letterhead</c>, as on every letter of the Dinas and on the SOP's own page: the logo at
/// the left, the agency names centred (the last, the Dinas, largest), the address with the phone and the city with its
/// postal code, over a double rule.
/// </summary>
public sealed class Letterhead(IOptions<LetterheadOptions> options)
{
    private const double LogoSize = 62;

    private readonly Lazy<byte[]?> _logo = new(() => options.Value.LogoPath is { } path ? File.ReadAllBytes(path) : null);

    public LetterheadOptions Options => options.Value;

    public string City => options.Value.City;

    internal void Draw(PdfFlow flow)
    {
        var kop = options.Value;
        flow.KeepTogether(LogoSize);
        var top = flow.Y;
        if (_logo.Value is { } bytes)
        {
            // XImage reads the stream when the page is written; the stream lives with the image.
            var logo = XImage.FromStream(new MemoryStream(bytes, writable: false));
            var height = LogoSize;
            var width = height * logo.PixelWidth / Math.Max(1, logo.PixelHeight);
            flow.ImageAt(logo, 0, width, height);
        }

        var lines = kop.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var last = i == lines.Count - 1;
            flow.Paragraph(lines[i], PdfFlow.Font(last ? 15 : 13, XFontStyleEx.Bold), centered: true);
        }

        flow.Paragraph(kop.AddressLine, PdfFlow.Font(9), centered: true);
        flow.Paragraph(kop.CityLine, PdfFlow.Font(9, XFontStyleEx.Bold), centered: true);
        if (_logo.Value is not null && flow.Y < top + LogoSize)
        {
            flow.Gap(top + LogoSize - flow.Y);
        }

        flow.Gap(3);
        flow.Rule(2.2, 1.5);
        flow.Rule(0.6, 14);
    }
}
