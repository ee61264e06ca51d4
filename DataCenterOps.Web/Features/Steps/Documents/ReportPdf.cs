using System.Globalization;
using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Web.Shared.Documents;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Hosting;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DataCenterOps.Web.Features.Steps.Documents;

/// <summary>
/// An archived Laporan as an A4 PDF: the kop, the report with every answer, the review notes (Catatan), the approval
/// block (the Pemeriksa who reported, the Pengawas who approved: name, NIP, date, Catatan), the hash chain link, the
/// verification QR code and "Halaman 1 dari 2". An empty field is left out, never printed as "-".
/// </summary>
public static class ReportPdf
{
    private const double ColonX = 130;
    private const double ValueX = 140;

    public static byte[] Write(
        ArchivedReportDocument document, IStringLocalizer<Ui> text, DisplayClock clock, DateTime printedAtUtc, Letterhead letterhead,
        VerificationMark? verification)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(letterhead);
        PdfFonts.Ensure();
        var record = document.Record;
        var content = document.Content;
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{text["Pdf.ReportTitle"]} #{record.Id}";
        using (var flow = new PdfFlow(pdf))
        {
            var body = PdfFlow.Font(10);
            var small = PdfFlow.Font(8.5);
            var heading = PdfFlow.Font(11, XFontStyleEx.Bold);
            letterhead.Draw(flow);
            flow.Paragraph(text["Pdf.ReportTitle"], PdfFlow.Font(13, XFontStyleEx.Bold | XFontStyleEx.Underline), centered: true);
            flow.Paragraph($"{text["Pdf.ArchiveNo"]} {record.Id.ToString(CultureInfo.CurrentCulture)}", body, centered: true);
            flow.Gap(10);

            if (!string.IsNullOrWhiteSpace(record.LetterNumber))
            {
                flow.Row("Surat Tugas", record.LetterNumber, body, 0, ColonX, ValueX);
            }

            if (content is not null)
            {
                flow.Row("Rencana Kerja", content.PlanTitle, body, 0, ColonX, ValueX);
                flow.Row(text["Agenda"], content.Agenda, body, 0, ColonX, ValueX);
                flow.Row(text["Validity"], $"{clock.Format(content.ValidFromUtc)} – {clock.Format(content.ValidUntilUtc)}", body, 0, ColonX, ValueX);
                flow.Row("Pengawas", document.Name(content.SupervisorId), body, 0, ColonX, ValueX);
                flow.Row("Pengelola", document.Name(content.ManagerId), body, 0, ColonX, ValueX);
            }

            flow.Row(text["ArchivedAt"], clock.Format(record.ArchivedAtUtc), body, 0, ColonX, ValueX);
            flow.Row(text["ArchivedBy"], document.Name(record.ArchivedById), body, 0, ColonX, ValueX);
            flow.Row(text["Integrity"], text[$"Integrity.{document.Integrity.State}"], PdfFlow.Font(10, XFontStyleEx.Bold), 0, ColonX, ValueX);
            flow.Gap(10);

            if (content is null)
            {
                flow.Paragraph(text["Pdf.Unreadable"], heading, brush: XBrushes.DarkRed);
            }
            else
            {
                foreach (var item in content.Items)
                {
                    Item(flow, document, item, text, clock, heading, body, small);
                }

                Reviews(flow, document, content, text, clock, heading, body);
            }

            Integrity(flow, document, text, heading, body);
            if (verification is not null)
            {
                flow.Gap(6);
                flow.ImageWithText(VerificationQr.Image(verification.Url), 72,
                [
                    (text["Pdf.Verify.Intro"], PdfFlow.Font(8)),
                    (verification.Url, PdfFlow.Font(7.5, mono: true)),
                ]);
            }

            flow.Gap(8);
            flow.Paragraph($"{text["Pdf.PrintedAt"]} {clock.Format(printedAtUtc)} {clock.ZoneLabel}", small, brush: XBrushes.Gray);
            if (content is not null)
            {
                flow.Gap(10);
                Approval(flow, document, content, text, clock, heading, body);
            }
        }

        PdfFlow.NumberPages(pdf, text["Pdf.PageOf"]);

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Item(
        PdfFlow flow, ArchivedReportDocument document, ReportContent.Item item, IStringLocalizer<Ui> text, DisplayClock clock,
        XFont heading, XFont body, XFont small)
    {
        flow.KeepTogether(PdfFlow.LineHeight(heading) + (PdfFlow.LineHeight(body) * 4));
        flow.Paragraph($"{item.Equipment} — {item.Checklist}", heading);
        flow.Paragraph(
            $"{text["PlannedDate"]}: {item.PlannedDate.ToString("d", CultureInfo.CurrentCulture)} · Pemeriksa: {document.Name(item.InspectorId)} · "
            + $"{text["Started"]}: {When(clock, item.StartedAtUtc)} · {text["Finished"]}: {When(clock, item.FinishedAtUtc)}",
            small);
        flow.Gap(3);
        double[] columns = [0, 24, 260, 400];
        flow.TableRow(columns, ["#", text["Pdf.Item"], text["Pdf.Result"], ""], PdfFlow.Font(9, XFontStyleEx.Bold));
        foreach (var a in item.Answers)
        {
            flow.TableRow(
                columns,
                [a.Order.ToString(CultureInfo.CurrentCulture), a.Prompt + Range(a), AnswerText(a, text), a.IsFlagged ? text["Flagged"] : ""],
                PdfFlow.Font(9, a.IsFlagged ? XFontStyleEx.Bold : XFontStyleEx.Regular),
                a.IsFlagged ? new XSolidBrush(XColor.FromArgb(255, 253, 228, 228)) : null);
        }

        foreach (var a in item.Answers.Where(a => document.Photo(a.PhotoReference) is not null))
        {
            Photo(flow, a, document.Photo(a.PhotoReference)!, small);
        }

        if (!string.IsNullOrWhiteSpace(item.Findings))
        {
            flow.Paragraph($"{text["Findings"]}: {item.Findings}", body);
        }

        if (!string.IsNullOrWhiteSpace(item.ActionsTaken))
        {
            flow.Paragraph($"{text["ActionsTaken"]}: {item.ActionsTaken}", body);
        }

        flow.Gap(10);
    }

    private static void Reviews(
        PdfFlow flow, ArchivedReportDocument document, ReportContent content, IStringLocalizer<Ui> text, DisplayClock clock, XFont heading, XFont body)
    {
        flow.KeepTogether(PdfFlow.LineHeight(heading) * 3);
        flow.Paragraph(text["Pdf.Submissions"], heading);
        foreach (var s in content.Submissions)
        {
            flow.Paragraph($"#{s.Revision} · {text["SubmittedAt"]} {clock.Format(s.SubmittedAtUtc)} · {document.Name(s.SubmittedById)}", body, 10);
        }

        flow.Gap(6);
        flow.Paragraph("Catatan", heading);
        foreach (var r in content.Reviews)
        {
            flow.Paragraph(
                $"#{r.Revision} · {text[$"Decision.{r.Decision}"]} · {(r.StandIn is { Length: > 0 } s ? s + ". " : "")}{document.Name(r.ReviewerId)} · {clock.Format(r.ReviewedAtUtc)}",
                PdfFlow.Font(10, XFontStyleEx.Bold), 10);
            if (!string.IsNullOrWhiteSpace(r.Notes))
            {
                flow.Paragraph(r.Notes, body, 20);
            }
        }

        flow.Gap(10);
    }

    private static void Integrity(PdfFlow flow, ArchivedReportDocument document, IStringLocalizer<Ui> text, XFont heading, XFont body)
    {
        var mono = PdfFlow.Font(8.5, mono: true);
        flow.KeepTogether(PdfFlow.LineHeight(heading) + (PdfFlow.LineHeight(mono) * 6));
        flow.Paragraph(text["Integrity"], heading);
        var intact = document.Integrity.State == IntegrityState.Intact;
        flow.Paragraph(intact ? text[$"Integrity.{document.Integrity.State}"] : $"{text[$"Integrity.{document.Integrity.State}"]} — {document.Integrity.Detail}", body,
            brush: intact ? XBrushes.DarkGreen : XBrushes.DarkRed);
        flow.Paragraph(text["Pdf.Hash"], body);
        flow.Paragraph(document.Record.Hash, mono, 10);
        flow.Paragraph(text["Pdf.PreviousHash"], body);
        flow.Paragraph(document.Record.PreviousHash, mono, 10);
        if (document.ChainHead is { } head)
        {
            flow.Paragraph(text["Pdf.EvidenceChain", head.Display], body);
        }
    }

    /// <summary>A checklist photo, at most 220 × 220 pt, with its item number and SHA-256 (what the seal covers) under it.</summary>
    private static void Photo(PdfFlow flow, ReportContent.Answer answer, byte[] bytes, XFont small)
    {
        XImage image;
        try
        {
            image = XImage.FromStream(new MemoryStream(bytes));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or IOException)
        {
            flow.Paragraph($"#{answer.Order.ToString(CultureInfo.CurrentCulture)} · {answer.PhotoReference}", small);
            return;
        }

        const double Box = 220;
        var scale = Math.Min(Box / Math.Max(1, image.PixelWidth), Box / Math.Max(1, image.PixelHeight));
        var (width, height) = (image.PixelWidth * scale, image.PixelHeight * scale);
        flow.KeepTogether(height + (PdfFlow.LineHeight(small) * 2) + 6);
        flow.Gap(4);
        flow.ImageAt(image, 24, width, height);
        flow.Gap(height + 2);
        flow.Paragraph($"#{answer.Order.ToString(CultureInfo.CurrentCulture)} · SHA-256 {answer.PhotoReference}", small, 24);
    }

    private static string AnswerText(ReportContent.Answer a, IStringLocalizer<Ui> text) =>
        a.Evidence is { } evidence
            ? $"{text[$"PassFail.{a.PassFail}"]} · {VerifiedEvidenceText.Format(text, a.HistoryRule, a.Verdict, a.EvidenceFigures) ?? evidence}"
        : a.PassFail is { } pf ? text[$"PassFail.{pf}"]
        : a.Reading is { } r ? $"{r.ToString("0.##", CultureInfo.CurrentCulture)} {a.Unit}"
        : a.Text ?? a.PhotoReference ?? "";

    private static string When(DisplayClock clock, DateTime? utc) => utc is null ? "" : clock.Format(utc);

    /// <summary>
    /// The approval block that ends the Laporan: the Pemeriksa who submitted it and the Pengawas who approved it, each
    /// with name, NIP and date, and the approving Catatan under them.
    /// </summary>
    private static void Approval(
        PdfFlow flow, ArchivedReportDocument document, ReportContent content, IStringLocalizer<Ui> text, DisplayClock clock, XFont heading, XFont body)
    {
        var submission = content.Submissions.OrderBy(s => s.Revision).LastOrDefault();
        var approval = content.Reviews.Where(r => r.Decision == nameof(ReviewDecision.Approved)).OrderBy(r => r.Revision).LastOrDefault();
        var blocks = new List<PdfSignature>();
        if (submission is not null)
        {
            blocks.Add(new PdfSignature(text["Pdf.Approval.ReportedBy"], [LetterTerms.InspectorPosition, Dated(text, clock, submission.SubmittedAtUtc)],
                document.Name(submission.SubmittedById), document.Nip(submission.SubmittedById)));
        }

        if (approval is not null)
        {
            // A Plh./Plt. approved: his name under "Plh. Pengawas Infrastruktur TIK".
            var position = approval.StandIn is { Length: > 0 } standIn ? $"{standIn}. {LetterTerms.SignatoryPosition}" : LetterTerms.SignatoryPosition;
            blocks.Add(new PdfSignature(text["Pdf.Approval.ApprovedBy"], [position, Dated(text, clock, approval.ReviewedAtUtc)],
                document.Name(approval.ReviewerId), document.Nip(approval.ReviewerId)));
        }

        if (blocks.Count == 0)
        {
            return;
        }

        flow.KeepTogether(PdfFlow.LineHeight(heading) * 12);
        flow.Paragraph(text["Pdf.Approval.Title"], heading);
        flow.Rule(0.6, 6);
        flow.Signatures(blocks, body);
        if (approval is not null && !string.IsNullOrWhiteSpace(approval.Notes))
        {
            flow.Paragraph($"{text["Pdf.Approval.Notes"]}: {approval.Notes}", body, 8);
        }
    }

    private static string Dated(IStringLocalizer<Ui> text, DisplayClock clock, DateTime utc) =>
        $"{text["Pdf.Approval.Date"]}: {clock.Local(utc).ToString("d MMMM yyyy", CultureInfo.CurrentCulture)}";

    private static string Range(ReportContent.Answer a) => (a.Min, a.Max) switch
    {
        (null, null) => "",
        ({ } min, null) => $" (≥ {min.ToString(CultureInfo.CurrentCulture)})",
        (null, { } max) => $" (≤ {max.ToString(CultureInfo.CurrentCulture)})",
        ({ } min, { } max) => $" ({min.ToString(CultureInfo.CurrentCulture)}–{max.ToString(CultureInfo.CurrentCulture)})",
    };
}
