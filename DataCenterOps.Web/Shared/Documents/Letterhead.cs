using PdfSharp.Drawing;

namespace DataCenterOps.Web.Shared.Documents;

/// <summary>The kop surat: the government and the Dinas centred over a double rule, as on every letter of the Dinas.</summary>
internal static class Letterhead
{
    public const string Government = "PEMERINTAH PROVINSI KALIMANTAN TIMUR";
    public const string Agency = "DINAS KOMUNIKASI DAN INFORMATIKA";
    public const string City = "Samarinda";

    public static void Draw(PdfFlow flow)
    {
        flow.Paragraph(Government, PdfFlow.Font(13, XFontStyleEx.Bold), centered: true);
        flow.Paragraph(Agency, PdfFlow.Font(15, XFontStyleEx.Bold), centered: true);
        flow.Paragraph($"{City} – Kalimantan Timur", PdfFlow.Font(9), centered: true);
        flow.Gap(3);
        flow.Rule(2.2, 1.5);
        flow.Rule(0.6, 14);
    }
}
