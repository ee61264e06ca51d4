using PdfSharp.Drawing;

namespace DataCenterOps.Web.Documents;

/// <summary>The kop surat: the government and the Dinas centred over a double rule, as on every letter of the Dinas.</summary>
internal static class Letterhead
{
    public static void Draw(PdfFlow flow)
    {
        flow.Paragraph(LetterTerms.Government, PdfFlow.Font(13, XFontStyleEx.Bold), centered: true);
        flow.Paragraph(LetterTerms.Agency, PdfFlow.Font(15, XFontStyleEx.Bold), centered: true);
        flow.Paragraph($"{LetterTerms.City} – Kalimantan Timur", PdfFlow.Font(9), centered: true);
        flow.Gap(3);
        flow.Rule(2.2, 1.5);
        flow.Rule(0.6, 14);
    }
}
