using System.Text.RegularExpressions;
using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Photos;
using DataCenterOps.Domain.Verification;
using DataCenterOps.Web.Shared.Documents;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Steps.Documents;

/// <summary>
/// GET /letters/{id}/pdf (the Surat Tugas) and /archive/{id}/pdf (an archived Laporan with its Catatan and hash).
/// Both need a signed-in person in a role that works with them.
/// </summary>
public static partial class StepDocumentEndpoints
{
    public static IEndpointRouteBuilder MapStepDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/letters/{id:guid}/pdf", LetterAsync).RequireAuthorization(Policies.LetterReaders);
        app.MapGet("/archive/{id:long}/pdf", ArchiveAsync).RequireAuthorization(Policies.ArchiveReaders);
        return app;
    }

    public static string LetterHref(Guid letterId) => $"/letters/{letterId}/pdf";

    public static string ArchiveHref(long archiveId) => $"/archive/{archiveId}/pdf";

    private static async Task<IResult> LetterAsync(
        Guid id, LetterDocumentLoader loader, Letterhead letterhead, DocumentVerificationService verification, IOptions<DocumentsOptions> documents,
        CancellationToken cancellationToken)
    {
        var letter = await loader.LoadAsync(id, cancellationToken);
        if (letter is null)
        {
            return Results.NotFound();
        }

        // A draft is not a document yet: no code, no QR.
        var stamp = await verification.LetterStampAsync(id, cancellationToken);
        var mark = stamp is null ? null : new VerificationMark(documents.Value.VerifyUrl(stamp.Code), stamp.Fingerprint);
        return Results.File(LetterPdf.Write(letter, letterhead, mark), "application/pdf", $"surat-tugas-{FileSafe(letter.Number ?? "konsep")}.pdf");
    }

    private static async Task<IResult> ArchiveAsync(
        long id, PeopleDirectory people, ArchiveService archive, DisplayClock clock, IStringLocalizer<Ui> text, TimeProvider time,
        Letterhead letterhead, DocumentVerificationService verification, IOptions<DocumentsOptions> documents, PhotoStore photos,
        CancellationToken cancellationToken)
    {
        var document = await ArchivedReportLoader.LoadAsync(people, archive, id, cancellationToken, photos);
        if (document is null)
        {
            return Results.NotFound();
        }

        var stamp = await verification.ArchiveStampAsync(id, cancellationToken);
        var mark = stamp is null ? null : new VerificationMark(documents.Value.VerifyUrl(stamp.Code), stamp.Fingerprint);
        var pdf = ReportPdf.Write(document, text, clock, time.GetUtcNow().UtcDateTime, letterhead, mark);
        return Results.File(pdf, "application/pdf", $"laporan-arsip-{id}.pdf");
    }

    private static string FileSafe(string text) => UnsafeChars().Replace(text, "-");

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeChars();
}
