using DataCenterOps.Web.Shared.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DataCenterOps.Web.Features.Steps.Documents;

/// <summary>
/// A Surat Tugas as an A4 PDF laid out like a letter of the Dinas: kop (from <c>Documents:Letterhead</c>), title and
/// number, Dasar, Kepada, Untuk, signature, the verification QR code (issued and revoked letters) and "Halaman 1 dari 1".
/// </summary>
public static class LetterPdf
{
    private const double LabelX = 0;
    private const double ColonX = 70;
    private const double NumberX = 80;
    private const double TextX = 96;

    public static byte[] Write(LetterDocument letter, Letterhead letterhead, VerificationMark? verification)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(letterhead);
        PdfFonts.Ensure();
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"Surat Tugas {letter.Number ?? "(konsep)"}";
        pdf.Info.Subject = letter.Agenda;
        using (var flow = new PdfFlow(pdf))
        {
            var body = PdfFlow.Font(11);
            var bold = PdfFlow.Font(11, XFontStyleEx.Bold);
            letterhead.Draw(flow);

            flow.Paragraph("SURAT TUGAS", PdfFlow.Font(13, XFontStyleEx.Bold | XFontStyleEx.Underline), centered: true);
            flow.Paragraph($"Nomor: {letter.Number ?? "…………………"}", body, centered: true);
            if (letter.IsDraft)
            {
                flow.Paragraph("KONSEP — belum diterbitkan", PdfFlow.Font(10, XFontStyleEx.Bold), centered: true, brush: XBrushes.DarkRed);
            }

            if (letter.IsRevoked)
            {
                flow.Paragraph($"DICABUT: {letter.RevocationReason}", PdfFlow.Font(10, XFontStyleEx.Bold), centered: true, brush: XBrushes.DarkRed);
            }

            flow.Gap(14);
            var basis = LetterTerms.LegalBasis.Append($"Agenda kerja: {letter.Agenda}.").ToList();
            Numbered(flow, "Dasar", basis, body);
            flow.Gap(10);
            flow.Paragraph("MENUGASKAN:", bold, centered: true);
            flow.Gap(8);

            for (var i = 0; i < letter.Assignees.Count; i++)
            {
                var person = letter.Assignees[i];
                flow.KeepTogether(PdfFlow.LineHeight(body) * 3);
                flow.Row(i == 0 ? "Kepada" : "", "", body, LabelX, ColonX, TextX);
                flow.Gap(-PdfFlow.LineHeight(body));
                flow.Row("", $"{i + 1}.", body, LabelX, ColonX, NumberX);
                flow.Gap(-PdfFlow.LineHeight(body));
                Person(flow, person, body);
                flow.Gap(4);
            }

            flow.Gap(6);
            Numbered(flow, "Untuk", LetterTerms.Duties(letter), body);
            flow.Gap(10);
            flow.Paragraph(LetterTerms.Closing, body);
            flow.Gap(24);
            // The QR code sits left of the signature, as on the province's electronically signed letters.
            flow.KeepTogether(PdfFlow.LineHeight(body) * 9);
            var top = flow.Y;
            Signature(flow, letter, letterhead.City, body, bold);
            if (verification is not null)
            {
                var bottom = flow.Y;
                flow.ReturnTo(top);
                Verification(flow, verification, flow.Width * 0.52);
                flow.Gap(Math.Max(0, bottom - flow.Y));
            }
        }

        PdfFlow.NumberPages(pdf, LetterTerms.PageOf);

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Numbered(PdfFlow flow, string label, IReadOnlyList<string> lines, XFont font)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            flow.Row(i == 0 ? label : "", $"{i + 1}.", font, LabelX, ColonX, NumberX);
            flow.Gap(-PdfFlow.LineHeight(font));
            flow.Paragraph(lines[i], font, TextX);
        }
    }

    private static void Person(PdfFlow flow, LetterPerson person, XFont font)
    {
        const double FieldX = TextX;
        const double FieldColonX = TextX + 60;
        const double FieldValueX = TextX + 70;
        flow.Row("Nama", person.Name, font, FieldX, FieldColonX, FieldValueX);
        if (!string.IsNullOrWhiteSpace(person.Nip))
        {
            flow.Row("NIP", person.Nip, font, FieldX, FieldColonX, FieldValueX);
        }

        flow.Row("Jabatan", person.Position, font, FieldX, FieldColonX, FieldValueX);
    }

    private static void Signature(PdfFlow flow, LetterDocument letter, string city, XFont font, XFont bold)
    {
        var x = flow.Width * 0.55;
        flow.KeepTogether(PdfFlow.LineHeight(font) * 9);
        flow.Paragraph($"{city}, {LetterTerms.Date(letter.Dated)}", font, x);
        flow.Paragraph($"{letter.Signatory.Position},", font, x);
        flow.Gap(PdfFlow.LineHeight(font) * 4);
        flow.Paragraph(letter.Signatory.Name, PdfFlow.Font(bold.Size, XFontStyleEx.Bold | XFontStyleEx.Underline), x);
        if (!string.IsNullOrWhiteSpace(letter.Signatory.Nip))
        {
            flow.Paragraph($"NIP. {letter.Signatory.Nip}", font, x);
        }
    }

    private static void Verification(PdfFlow flow, VerificationMark mark, double width) =>
        flow.ImageWithText(VerificationQr.Image(mark.Url), 80,
        [
            (LetterTerms.VerifyIntro, PdfFlow.Font(7)),
            (mark.Url, PdfFlow.Font(6.5, mono: true)),
            (LetterTerms.Fingerprint, PdfFlow.Font(7)),
            (mark.Fingerprint, PdfFlow.Font(6, mono: true)),
        ], width);
}
