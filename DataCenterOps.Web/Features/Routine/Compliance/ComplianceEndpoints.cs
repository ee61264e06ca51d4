using System.Globalization;
using DataCenterOps.Domain.People;
using DataCenterOps.Web.Shared.Documents;
using DataCenterOps.Web.Shared.Hosting;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Routine.Compliance;

/// <summary>GET /routine/compliance/{year}-{month}.csv and .pdf for the Pengelola, Pengawas and Administrator.</summary>
internal static class ComplianceEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/routine/compliance").RequireAuthorization(Policies.RoutinePlanners);
        group.MapGet("/{year:int}-{month:int}.csv", async (int year, int month, ComplianceDocumentLoader loader, IStringLocalizer<Ui> l, CancellationToken cancellationToken) =>
        {
            if (!Valid(year, month))
            {
                return Results.BadRequest();
            }

            var document = await loader.LoadAsync(year, month, cancellationToken);
            return Results.File(ComplianceCsv.Build(document, l, CultureInfo.CurrentCulture).ToBytes(), CsvWriter.ContentType, FileName(year, month, "csv"));
        });
        group.MapGet("/{year:int}-{month:int}.pdf", async (int year, int month, ComplianceDocumentLoader loader, IStringLocalizer<Ui> l, Letterhead letterhead, CancellationToken cancellationToken) =>
        {
            if (!Valid(year, month))
            {
                return Results.BadRequest();
            }

            var document = await loader.LoadAsync(year, month, cancellationToken);
            return Results.File(CompliancePdf.Write(document, l, letterhead), "application/pdf", FileName(year, month, "pdf"));
        });
    }

    public static string Href(int year, int month, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"/routine/compliance/{year}-{month}.{extension}");

    private static bool Valid(int year, int month) => year is >= 2000 and <= 2200 && month is >= 1 and <= 12;

    private static string FileName(int year, int month, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"compliance-{year}-{month:00}.{extension}");
}
