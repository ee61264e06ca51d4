using System.Globalization;
using System.Security.Claims;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Documents;
using DataCenterOps.Web.Shared.Hosting;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Admin.Audit;

/// <summary>GET /admin/audit.csv: the filtered audit trail; the export is itself recorded in the trail by the Domain.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/audit.csv", ExportAsync).RequireAuthorization(Policies.AuditReaders);
        return app;
    }

    public static string ExportHref(AuditFilterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var query = new List<string>();
        Add(query, "person", input.PersonId);
        Add(query, "action", input.Action);
        Add(query, "from", input.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, "to", input.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return "/admin/audit.csv" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    private static async Task<IResult> ExportAsync(
        string? person, string? action, DateOnly? from, DateOnly? to, HttpContext http, AuditQueries audit, PeopleDirectory people,
        DisplayClock clock, IStringLocalizer<Ui> l, CancellationToken cancellationToken)
    {
        var actor = await people.ActorAsync(http.User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        var rows = await audit.ExportAsync(actor, new AuditFilterInput(person, action, from, to).ToFilter(clock), cancellationToken);
        // The reader's spreadsheet dialect (';' for id-ID), as every export.
        var csv = CsvWriter.For(CultureInfo.CurrentCulture);
        csv.Row(l["Audit.Col.At"], l["Audit.Col.Person"], l["Audit.Col.Action"], l["Audit.Col.Entity"], l["Audit.Col.EntityId"],
            l["Audit.Col.Before"], l["Audit.Col.After"]);
        foreach (var r in rows)
        {
            csv.Row(clock.Format(r.AtUtc), r.ActorName, r.Action, r.EntityType, r.EntityId, r.BeforeJson ?? "", r.AfterJson ?? "");
        }

        var name = $"audit_{from?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "start"}_{to?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "now"}.csv";
        return Results.File(csv.ToBytes(), CsvWriter.ContentType, name);
    }

    private static void Add(List<string> query, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add($"{key}={Uri.EscapeDataString(value)}");
        }
    }
}
