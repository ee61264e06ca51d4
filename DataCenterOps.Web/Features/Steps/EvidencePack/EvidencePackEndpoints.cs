using System.Globalization;
using System.Security.Claims;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Web.Shared.Hosting;

namespace DataCenterOps.Web.Features.Steps.EvidencePack;

/// <summary>
/// GET /archive/evidence-pack.zip?from=yyyy-MM-dd&amp;to=yyyy-MM-dd builds and sends the pack of that period (for scripts);
/// GET /archive/evidence-pack/{token} sends one built on the page. Each pack handed out is recorded in the audit trail.
/// </summary>
public static class EvidencePackEndpoints
{
    public const string PageRoute = "/archive/evidence-pack";

    public static IEndpointRouteBuilder MapEvidencePack(this IEndpointRouteBuilder app)
    {
        app.MapGet(PageRoute + ".zip", BuildAsync).RequireAuthorization(Policies.EvidencePacks);
        app.MapGet(PageRoute + "/{token:guid}", DownloadAsync).RequireAuthorization(Policies.EvidencePacks);
        return app;
    }

    public static IServiceCollection AddEvidencePack(this IServiceCollection services)
    {
        services.AddScoped<EvidencePackBuilder>();
        services.AddSingleton<EvidencePackDownloads>();
        return services;
    }

    public static string BuildHref(DateOnly from, DateOnly to) =>
        $"{PageRoute}.zip?from={from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static string DownloadHref(Guid token) => $"{PageRoute}/{token}";

    public static string FileName(DateOnly from, DateOnly to) =>
        $"evidence-pack_{from.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}_{to.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.zip";

    private static async Task<IResult> BuildAsync(
        DateOnly? from, DateOnly? to, HttpContext http, PeopleDirectory people, EvidencePackBuilder builder, EvidencePackQueries packs,
        EvidencePackDownloads downloads, CancellationToken cancellationToken)
    {
        if (from is not { } first || to is not { } last || last < first)
        {
            return Results.Problem("from and to (yyyy-MM-dd, from ≤ to) are required.", statusCode: StatusCodes.Status400BadRequest);
        }

        var actor = await people.ActorAsync(http.User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        var (_, path) = downloads.NewFile();
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var result = await builder.WriteAsync(actor, first, last, stream, progress: null, cancellationToken);
            await packs.RecordExportAsync(actor, result.FromUtc, result.ToUtc, result.Files, result.ManifestSha256, cancellationToken);
            stream.Position = 0;
            return Results.File(stream, "application/zip", FileName(first, last));
        }
        catch (SopRuleViolationException ex) when (ex.Code == SopError.WrongRole)
        {
            await stream.DisposeAsync();
            return Results.Forbid();
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private static async Task<IResult> DownloadAsync(
        Guid token, HttpContext http, PeopleDirectory people, EvidencePackQueries packs, EvidencePackDownloads downloads, CancellationToken cancellationToken)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (downloads.Take(token, userId) is not { } prepared)
        {
            return Results.NotFound();
        }

        var stream = new FileStream(prepared.Path, FileMode.Open, FileAccess.Read, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var actor = await people.ActorAsync(userId, cancellationToken);
            await packs.RecordExportAsync(actor, prepared.Result.FromUtc, prepared.Result.ToUtc, prepared.Result.Files, prepared.Result.ManifestSha256, cancellationToken);
            return Results.File(stream, "application/zip", FileName(prepared.From, prepared.To));
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }
}
