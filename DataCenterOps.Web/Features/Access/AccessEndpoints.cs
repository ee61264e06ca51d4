using System.Globalization;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Documents;
using DataCenterOps.Web.Shared.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Access;

/// <summary>
/// The register over HTTP. The route's policy is checked on the cookie, and the domain checks the roles the
/// database holds now; a refusal becomes a problem response (403 role, 404 unknown, 400 input, 409 rule).
/// </summary>
internal static partial class AccessEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // JSON posts from a browser session need the antiforgery token too (the filter explains the API-key exemption).
        var api = endpoints.MapGroup("/api/access").AddEndpointFilter<BrowserAntiforgeryFilter>();
        const string readers = Policies.AccessRegister;
        const string registrars = Policies.AccessRegistrars;
        const string correctors = Policies.AccessCorrectors;

        // Every read is for one site's room: ?site=CODE, else the site cookie, else the person's first site.
        api.MapGet("/occupancy", (string? site, HttpContext http, AccessRegisterService register, CancellationToken ct) =>
            Run(http, async actor =>
            {
                var siteId = await SiteAsync(http, actor, site, ct);
                return Results.Ok((await register.GetInsideAsync(siteId, ct)).Select(e => new
                {
                    e.Id, e.PersonName, Kind = e.Kind.ToString(), Basis = e.Basis.ToString(), e.InAtUtc, e.EscortName, e.LetterNumber,
                }));
            }, ct)).RequireAuthorization(readers);

        api.MapPost("/entries/staff", (StaffEntryInput input, HttpContext http, AccessRegisterService register, CancellationToken ct) =>
            Run(http, async actor => Created(await register.RegisterStaffEntryAsync(actor, input, ct)), ct)).RequireAuthorization(registrars);

        api.MapPost("/entries/visitor", (VisitorEntryInput input, HttpContext http, AccessRegisterService register, CancellationToken ct) =>
            Run(http, async actor => Created(await register.RegisterVisitorEntryAsync(actor, input, ct)), ct)).RequireAuthorization(registrars);

        api.MapPost("/entries/{id:guid}/exit", (Guid id, ExitInput input, HttpContext http, AccessRegisterService register, CancellationToken ct) =>
            Run(http, async actor => Results.Ok((await register.RegisterExitAsync(actor, id, input, ct)).Select(e => e.Id)), ct)).RequireAuthorization(registrars);

        api.MapPost("/entries/{id:guid}/void", (Guid id, ReasonRequest input, HttpContext http, AccessRegisterService register, CancellationToken ct) =>
            Run(http, async actor => Results.Ok(new { (await register.VoidAsync(actor, id, input.Reason, ct)).Id }), ct)).RequireAuthorization(correctors);

        api.MapPost("/entries/{id:guid}/correct", (Guid id, EntryCorrection input, HttpContext http, AccessRegisterService register, CancellationToken ct) =>
            Run(http, async actor => Results.Ok(new { (await register.CorrectAsync(actor, id, input, ct)).Id }), ct)).RequireAuthorization(correctors);

        // Exports carry personal data (UU 27/2022): each one is audited in the Domain (who, when, which range) and masks ID numbers.
        api.MapGet("/log.csv", (DateOnly? from, DateOnly? to, string? person, Guid? letterId, string? site, HttpContext http, AccessRegisterService register,
            DisplayClock clock, IStringLocalizer<Ui> l, CancellationToken ct) =>
            Run(http, async actor =>
            {
                var filter = AccessPeriod.Filter(from, to, person, letterId, clock) with { SiteIds = [await SiteAsync(http, actor, site, ct)] };
                var entries = await register.ExportAsync(actor, filter, "csv", ct);
                return Results.File(AccessCsvExporter.Export(entries, clock, l, CultureInfo.CurrentCulture), CsvWriter.ContentType, FileName("csv", from, to));
            }, ct)).RequireAuthorization(readers);

        api.MapGet("/log.pdf", (DateOnly? from, DateOnly? to, string? person, Guid? letterId, string? site, HttpContext http, AccessRegisterService register,
            DisplayClock clock, IStringLocalizer<Ui> l, Letterhead letterhead, CancellationToken ct) =>
            Run(http, async actor =>
            {
                var filter = AccessPeriod.Filter(from, to, person, letterId, clock) with { SiteIds = [await SiteAsync(http, actor, site, ct)] };
                var entries = await register.ExportAsync(actor, filter, "pdf", ct);
                var generated = clock.FormatForFile(clock.UtcNow.UtcDateTime);
                var subtitle = l["Access.Export.Subtitle", Day(from), Day(to), generated, entries.Count];
                var pdf = AccessPdfExporter.Export(entries, l["Access.Log.Title"], subtitle, clock, l, letterhead);
                return Results.File(pdf, "application/pdf", FileName("pdf", from, to));
            }, ct)).RequireAuthorization(readers);
    }

    private static IResult Created(AccessEntry entry) => Results.Created($"/api/access/entries/{entry.Id}", new { entry.Id });

    internal static async Task<IResult> Run(HttpContext http, Func<DataCenterOps.Domain.People.Actor, Task<IResult>> action, CancellationToken ct)
    {
        var people = http.RequestServices.GetRequiredService<PeopleDirectory>();
        var actor = await AccessActors.FromAsync(http.User, people, ct);
        try
        {
            return await action(actor);
        }
        catch (AccessRuleViolationException ex)
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessEndpoints).FullName!);
            LogRefused(logger, actor.UserId, http.Request.Path, ex.Code, ex.Message);
            var status = ex.Code switch
            {
                AccessError.WrongRole or AccessError.OwnAccess or AccessError.OtherSite => StatusCodes.Status403Forbidden,
                AccessError.NotFound => StatusCodes.Status404NotFound,
                AccessError.InvalidInput => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status409Conflict,
            };
            return Results.Problem(ex.Message, statusCode: status, title: ex.Code.ToString());
        }
    }

    /// <summary>
    /// The site a request is for: the one named by <paramref name="code"/> (refused when the person's roles do not reach
    /// it, 404 when unknown), else the site cookie's or the person's first, as on every screen.
    /// </summary>
    private static async Task<Guid> SiteAsync(HttpContext http, DataCenterOps.Domain.People.Actor actor, string? code, CancellationToken ct)
    {
        var sites = http.RequestServices.GetRequiredService<Shared.Sites.SiteContext>();
        await sites.LoadAsync(actor.UserId, code ?? http.Request.Cookies[Shared.Sites.SiteContext.CookieName], ct);
        if (string.IsNullOrWhiteSpace(code))
        {
            return sites.Current.Id;
        }

        var named = sites.All.FirstOrDefault(s => string.Equals(s.Code, code.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new AccessRuleViolationException(AccessError.NotFound, "The site was not found.", "NotFound", "The site");
        return actor.WorksAt(named.Id)
            ? named.Id
            : throw new AccessRuleViolationException(AccessError.OtherSite, "This room belongs to a site your roles do not reach.", "OtherSite");
    }

    private static string Day(DateOnly? day) => day?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) ?? "…";

    private static string FileName(string extension, DateOnly? from, DateOnly? to) =>
        $"access-log_{from?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "start"}_{to?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "now"}.{extension}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access register refused {UserId} on {Path}: {Code} {Message}")]
    private static partial void LogRefused(ILogger logger, string userId, string path, AccessError code, string message);
}
