using System.Text.RegularExpressions;
using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Hosting;
using Microsoft.Extensions.Localization;

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

    private static async Task<IResult> LetterAsync(Guid id, LetterDocumentLoader loader, CancellationToken cancellationToken)
    {
        var letter = await loader.LoadAsync(id, cancellationToken);
        return letter is null
            ? Results.NotFound()
            : Results.File(LetterPdf.Write(letter), "application/pdf", $"surat-tugas-{FileSafe(letter.Number ?? "konsep")}.pdf");
    }

    private static async Task<IResult> ArchiveAsync(
        long id, DataCenterOpsDbContext db, ArchiveService archive, DisplayClock clock, IStringLocalizer<Ui> text, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var document = await ArchivedReportLoader.LoadAsync(db, archive, id, cancellationToken);
        return document is null
            ? Results.NotFound()
            : Results.File(ReportPdf.Write(document, text, clock, time.GetUtcNow().UtcDateTime), "application/pdf", $"laporan-arsip-{id}.pdf");
    }

    private static string FileSafe(string text) => UnsafeChars().Replace(text, "-");

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeChars();
}
