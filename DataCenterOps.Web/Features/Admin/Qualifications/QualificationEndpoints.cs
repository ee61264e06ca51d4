using DataCenterOps.Domain.Qualifications;
using DataCenterOps.Web.Shared.Hosting;

namespace DataCenterOps.Web.Features.Admin.Qualifications;

/// <summary>GET /admin/qualifications/{id}/file: the scanned certificate, as the type its content was checked to be.</summary>
public static class QualificationEndpoints
{
    public static IEndpointRouteBuilder MapQualificationFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/qualifications/{id:guid}/file", FileAsync).RequireAuthorization(Policies.QualificationReaders);
        return app;
    }

    public static string FileHref(Guid id) => $"/admin/qualifications/{id}/file";

    private static async Task<IResult> FileAsync(Guid id, QualificationService qualifications, CancellationToken cancellationToken) =>
        await qualifications.FileAsync(id, cancellationToken) is { } file
            ? Results.File(file.Content, file.ContentType, $"kualifikasi-{id:N}{QualificationFiles.Extension(file.ContentType)}")
            : Results.NotFound();
}
