using System.Net;
using DataCenterOps.Domain.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DataCenterOps.Tests.Web.Http;

/// <summary>
/// Every route the real app maps (read from its EndpointDataSource) × {anonymous, each role, API key}. A route missing
/// from <see cref="Routes"/>, or whose declared policy differs from it, fails; so does any cell whose status differs.
/// Pages answer 302 to the sign-in page (anonymous) or to AccessDenied (wrong role); /api answers 401 / 403.
/// State-changing POSTs are checked only where they must be refused.
/// </summary>
public sealed class RouteMatrixTests(RouteMatrixFactory matrix, ITestOutputHelper output) : IClassFixture<RouteMatrixFactory>
{
    private const string Anonymous = "anonymous";
    private const string Key = "api-key";
    private const string AllowAnonymous = "(anonymous)";

    private static readonly string[] Everyone = [Roles.Operator, Roles.Inspector, Roles.Manager, Roles.Supervisor, Roles.Administrator];

    /// <summary>The test's own copy of the role rules (deliberately not read from Policies.RolesOf).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["SignedIn"] = Everyone,
        ["ReportReaders"] = Everyone,
        ["ChecklistReaders"] = Everyone,
        ["Api"] = [.. Everyone, Key],
        ["Administrators"] = [Roles.Administrator],
        ["Supervisors"] = [Roles.Supervisor],
        ["Inspectors"] = [Roles.Inspector],
        ["LetterReaders"] = Everyone,
        ["ArchiveReaders"] = [Roles.Manager, Roles.Supervisor, Roles.Administrator],
        ["RoutinePlanners"] = [Roles.Manager, Roles.Supervisor, Roles.Administrator],
        ["RoutineReaders"] = [Roles.Manager, Roles.Inspector, Roles.Supervisor, Roles.Administrator],
        ["JobWatchers"] = [Roles.Supervisor, Roles.Administrator],
        ["AccessRegister"] = Everyone,
        ["AccessRegistrars"] = [Roles.Operator, Roles.Manager, Roles.Inspector, Roles.Supervisor],
        ["AccessCorrectors"] = [Roles.Supervisor, Roles.Administrator],
        ["AuditReaders"] = [Roles.Supervisor, Roles.Administrator],
        ["EvidencePacks"] = [Roles.Supervisor, Roles.Administrator],
        ["QualificationReaders"] = [Roles.Supervisor, Roles.Manager, Roles.Administrator],
        ["PengawasDuties"] = [Roles.Supervisor],
        ["AnyAccount"] = [.. Everyone, Roles.Tenant],
        ["TenantPortal"] = [Roles.Tenant],
        ["TenantAdmins"] = [Roles.Manager, Roles.Administrator],
        [AllowAnonymous] = [Anonymous, .. Everyone, Key],
    };

    /// <summary>Routes open to anyone that a tenant's account reaches too (sign-in pages, the language switch); every other open route is closed to it.</summary>
    private static readonly HashSet<string> TenantOpen = new(StringComparer.Ordinal) { "/Account/Login", "/Account/Lockout", "/Account/AccessDenied", "/culture/set" };

    private static readonly string Guid0 = Guid.NewGuid().ToString();

    /// <summary>Route template → (declared policy, path to request with its parameters filled, status when allowed; null: POST, refusals only).</summary>
    private static readonly Dictionary<string, (string Policy, string Path, HttpStatusCode? Ok)> Routes = new(StringComparer.Ordinal)
    {
        ["/"] = ("SignedIn", "/", HttpStatusCode.OK),
        ["/not-found"] = ("SignedIn", "/not-found", HttpStatusCode.OK),
        ["/Error"] = ("SignedIn", "/Error", HttpStatusCode.OK),
        ["/board"] = ("SignedIn", "/board", HttpStatusCode.OK),
        ["/letters"] = ("SignedIn", "/letters", HttpStatusCode.OK),
        ["/letters/new"] = ("PengawasDuties", "/letters/new", HttpStatusCode.OK),
        ["/letters/{Id:guid}"] = ("SignedIn", $"/letters/{Guid0}", HttpStatusCode.OK),
        ["/letters/{Id:guid}/print"] = ("SignedIn", $"/letters/{Guid0}/print", HttpStatusCode.OK),
        ["/plans"] = ("SignedIn", "/plans", HttpStatusCode.OK),
        ["/plans/{Id:guid}"] = ("SignedIn", $"/plans/{Guid0}", HttpStatusCode.OK),
        ["/work"] = ("Inspectors", "/work", HttpStatusCode.OK),
        ["/checklists/{Id:guid}"] = ("ChecklistReaders", $"/checklists/{Guid0}", HttpStatusCode.OK),
        ["/reports/{Id:guid}"] = ("ReportReaders", $"/reports/{Guid0}", HttpStatusCode.OK),
        ["/reports/mine"] = ("Inspectors", "/reports/mine", HttpStatusCode.OK),
        ["/reviews"] = ("PengawasDuties", "/reviews", HttpStatusCode.OK),
        ["/archive"] = ("ArchiveReaders", "/archive", HttpStatusCode.OK),
        ["/archive/{Id:long}"] = ("ArchiveReaders", "/archive/999999", HttpStatusCode.OK),
        ["/equipment"] = ("SignedIn", "/equipment", HttpStatusCode.OK),
        ["/admin/users"] = ("Administrators", "/admin/users", HttpStatusCode.OK),
        ["/admin/user-sites"] = ("Administrators", "/admin/user-sites", HttpStatusCode.OK),
        ["/admin/audit"] = ("AuditReaders", "/admin/audit", HttpStatusCode.OK),
        ["/admin/audit.csv"] = ("AuditReaders", "/admin/audit.csv", HttpStatusCode.OK),
        ["/checklists/{id:guid}/photos/{reference}"] = ("ChecklistReaders", $"/checklists/{Guid0}/photos/{new string('0', 64)}.jpg", HttpStatusCode.NotFound),
        ["/archive/evidence-pack"] = ("EvidencePacks", "/archive/evidence-pack", HttpStatusCode.OK),
        ["/archive/evidence-pack.zip"] = ("EvidencePacks", "/archive/evidence-pack.zip?from=2026-01-01&to=2026-01-02", HttpStatusCode.OK),
        ["/archive/evidence-pack/{token:guid}"] = ("EvidencePacks", $"/archive/evidence-pack/{Guid0}", HttpStatusCode.NotFound),
        ["/admin/commissioning"] = ("Administrators", "/admin/commissioning", HttpStatusCode.OK),
        ["/admin/qualifications"] = ("QualificationReaders", "/admin/qualifications", HttpStatusCode.OK),
        ["/admin/qualifications/{id:guid}/file"] = ("QualificationReaders", $"/admin/qualifications/{Guid0}/file", HttpStatusCode.NotFound),
        ["/admin/stand-ins"] = ("SignedIn", "/admin/stand-ins", HttpStatusCode.OK),
        ["/room"] = ("SignedIn", "/room", HttpStatusCode.OK),
        ["/room/alarms"] = ("SignedIn", "/room/alarms", HttpStatusCode.OK),
        ["/room/alarms/history"] = ("SignedIn", "/room/alarms/history", HttpStatusCode.OK),
        ["/room/traps"] = ("SignedIn", "/room/traps", HttpStatusCode.OK),
        ["/room/plan"] = ("SignedIn", "/room/plan", HttpStatusCode.OK),
        ["/room/wall"] = ("SignedIn", "/room/wall", HttpStatusCode.OK),
        ["/room/simulator"] = ("Administrators", "/room/simulator", HttpStatusCode.OK),
        ["/room/devices/{Id}"] = ("SignedIn", "/room/devices/ups-1", HttpStatusCode.OK),
        ["/room/incidents"] = ("SignedIn", "/room/incidents", HttpStatusCode.OK),
        ["/room/incidents/{Id:guid}"] = ("SignedIn", $"/room/incidents/{Guid0}", HttpStatusCode.OK),
        ["/access"] = ("AccessRegister", "/access", HttpStatusCode.OK),
        ["/access/log"] = ("AccessRegister", "/access/log", HttpStatusCode.OK),
        ["/access/occupancy"] = ("AccessRegister", "/access/occupancy", HttpStatusCode.OK),
        ["/access/authorisations"] = ("AccessCorrectors", "/access/authorisations", HttpStatusCode.OK),
        ["/access/entries/{Id:guid}"] = ("AccessRegister", $"/access/entries/{Guid0}", HttpStatusCode.OK),
        ["/verify/{Code}"] = (AllowAnonymous, "/verify/AAAAAAAAAAAAAAAAAAAAAA", HttpStatusCode.OK),
        ["/routine/due-checks"] = ("RoutineReaders", "/routine/due-checks", HttpStatusCode.OK),
        ["/routine/schedules"] = ("RoutinePlanners", "/routine/schedules", HttpStatusCode.OK),
        ["/routine/compliance"] = ("RoutinePlanners", "/routine/compliance", HttpStatusCode.OK),
        ["/routine/backups"] = ("Administrators", "/routine/backups", HttpStatusCode.OK),
        ["/routine/maintenance-windows"] = ("Supervisors", "/routine/maintenance-windows", HttpStatusCode.OK),
        ["/Account/Login"] = (AllowAnonymous, "/Account/Login", HttpStatusCode.OK),
        ["/Account/Lockout"] = (AllowAnonymous, "/Account/Lockout", HttpStatusCode.OK),
        ["/Account/AccessDenied"] = (AllowAnonymous, "/Account/AccessDenied", HttpStatusCode.OK),
        ["/Account/InvalidUser"] = ("AnyAccount", "/Account/InvalidUser", HttpStatusCode.OK),
        ["/Account/Manage"] = ("AnyAccount", "/Account/Manage", HttpStatusCode.OK),
        ["/Account/Manage/ChangePassword"] = ("AnyAccount", "/Account/Manage/ChangePassword", HttpStatusCode.OK),
        ["/Account/Logout"] = ("AnyAccount", "/Account/Logout", null),
        ["/tenant"] = ("TenantPortal", "/tenant", HttpStatusCode.OK),
        ["/admin/tenants"] = ("TenantAdmins", "/admin/tenants", HttpStatusCode.OK),
        ["/tenants/permits"] = ("AccessRegister", "/tenants/permits", HttpStatusCode.OK),
        ["/culture/set"] = (AllowAnonymous, "/culture/set?culture=en-US&redirectUri=/board", HttpStatusCode.Redirect),
        ["/site/set"] = ("SignedIn", "/site/set?code=DC-KALTIM&redirectUri=/board", HttpStatusCode.Redirect),
        ["/sites"] = ("SignedIn", "/sites", HttpStatusCode.OK),
        ["/metrics"] = (AllowAnonymous, "/metrics", HttpStatusCode.OK),
        ["/letters/{id:guid}/pdf"] = ("LetterReaders", $"/letters/{Guid0}/pdf", HttpStatusCode.NotFound),
        ["/archive/{id:long}/pdf"] = ("ArchiveReaders", "/archive/999999/pdf", HttpStatusCode.NotFound),
        ["/room/devices/{id}/export.csv"] = ("SignedIn", "/room/devices/ups-1/export.csv", HttpStatusCode.OK),
        ["/room/incidents/{id:guid}/report.pdf"] = ("SignedIn", $"/room/incidents/{Guid0}/report.pdf", HttpStatusCode.NotFound),
        ["/routine/compliance/{year:int}-{month:int}.csv"] = ("RoutinePlanners", "/routine/compliance/2026-11.csv", HttpStatusCode.OK),
        ["/routine/compliance/{year:int}-{month:int}.pdf"] = ("RoutinePlanners", "/routine/compliance/2026-11.pdf", HttpStatusCode.OK),
        ["/hangfire/{**path}"] = ("JobWatchers", "/hangfire", HttpStatusCode.OK),
        ["/api/v1/devices"] = ("Api", "/api/v1/devices", HttpStatusCode.OK),
        ["/api/v1/alarms"] = ("Api", "/api/v1/alarms", HttpStatusCode.OK),
        ["/api/v1/simulator/scenarios"] = ("Administrators", "/api/v1/simulator/scenarios", HttpStatusCode.OK),
        ["/api/v1/simulator/devices"] = ("Administrators", "/api/v1/simulator/devices", HttpStatusCode.OK),
        ["/api/v1/simulator/scenarios/{name}/start"] = ("Administrators", "/api/v1/simulator/scenarios/door-open/start", null),
        ["/api/v1/simulator/scenarios/{name}/stop"] = ("Administrators", "/api/v1/simulator/scenarios/door-open/stop", null),
        ["/api/v1/simulator/reset"] = ("Administrators", "/api/v1/simulator/reset", null),
        ["/api/access/occupancy"] = ("AccessRegister", "/api/access/occupancy", HttpStatusCode.OK),
        ["/api/access/log.csv"] = ("AccessRegister", "/api/access/log.csv", HttpStatusCode.OK),
        ["/api/access/log.pdf"] = ("AccessRegister", "/api/access/log.pdf", HttpStatusCode.OK),
        ["/api/access/entries/staff"] = ("AccessRegistrars", "/api/access/entries/staff", null),
        ["/api/access/entries/visitor"] = ("AccessRegistrars", "/api/access/entries/visitor", null),
        ["/api/access/entries/tenant"] = ("AccessRegistrars", "/api/access/entries/tenant", null),
        ["/api/access/entries/{id:guid}/exit"] = ("AccessRegistrars", $"/api/access/entries/{Guid0}/exit", null),
        ["/api/access/entries/{id:guid}/void"] = ("AccessCorrectors", $"/api/access/entries/{Guid0}/void", null),
        ["/api/access/entries/{id:guid}/correct"] = ("AccessCorrectors", $"/api/access/entries/{Guid0}/correct", null),
    };

    /// <summary>
    /// Blazor's own plumbing (the circuit hub, its script, the enhanced-navigation redirect) and the development-time
    /// static-file fallback: the framework maps them; the app-wide fallback (signed in) applies where it matters.
    /// </summary>
    private static readonly string[] Framework =
    [
        "/_blazor", "/_blazor/negotiate", "/_blazor/initializers/", "/_blazor/disconnect/", "/_framework/blazor.server.js",
        "/_framework/blazor.web.js", "/_framework/opaque-redirect", "/{**path:file}",
    ];

    [Fact]
    public void EveryMappedRoute_IsInTheTable_WithItsDeclaredPolicy()
    {
        var problems = new List<string>();
        foreach (var (route, endpoint) in AppRoutes())
        {
            if (Framework.Contains(route))
            {
                continue;
            }

            if (!Routes.TryGetValue(route, out var expected))
            {
                problems.Add($"{route}: not in the route table (declare a policy and add it here)");
                continue;
            }

            var declared = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
                ? AllowAnonymous
                : endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().LastOrDefault(a => a.Policy is not null)?.Policy ?? "(none)";
            if (declared != expected.Policy)
            {
                problems.Add($"{route}: declares {declared}, the table says {expected.Policy}");
            }
        }

        var mapped = AppRoutes().Select(r => r.Route).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(Routes.Keys.Where(r => !mapped.Contains(r)).Select(r => $"{r}: in the table but not mapped"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task EveryRoute_AnswersEachCaller_AsTheTableSays()
    {
        var callers = new Dictionary<string, HttpClient>(StringComparer.Ordinal) { [Anonymous] = await SignInClient.ClientAsync(matrix.App, null) };
        var key = await SignInClient.ClientAsync(matrix.App, null);
        key.DefaultRequestHeaders.Authorization = new("Bearer", RouteMatrixFactory.ApiKey);
        callers[Key] = key;
        foreach (var role in Everyone)
        {
            callers[role] = await SignInClient.BrowserClientAsync(matrix.App, role);
        }

        callers[Roles.Tenant] = await SignInClient.BrowserClientAsync(matrix.App, Roles.Tenant);

        var mismatches = new List<string>();
        var cells = 0;
        foreach (var (route, (policy, path, ok)) in Routes)
        {
            foreach (var (caller, client) in callers)
            {
                var allowed = caller == Roles.Tenant ? TenantOpen.Contains(route) || Allowed[policy].Contains(caller) : Allowed[policy].Contains(caller);
                if (ok is null && allowed)
                {
                    continue; // a state-changing POST that would succeed: its behaviour is tested where it is owned
                }

                var api = path.StartsWith("/api/", StringComparison.Ordinal);
                var signedIn = caller is not (Anonymous or Key);
                var (status, location) = allowed
                    ? (ok!.Value, (string?)null)
                    // A tenant's account: 403 on everything outside its portal (pages, API, /metrics, exports, Hangfire); / sends it to /tenant.
                    : caller == Roles.Tenant ? (route == "/" ? (HttpStatusCode.Redirect, "/tenant") : (HttpStatusCode.Forbidden, (string?)null))
                    : api ? (signedIn ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized, null)
                          : (HttpStatusCode.Redirect, signedIn ? "/Account/AccessDenied" : "/Account/Login");
                using var request = new HttpRequestMessage(ok is null ? HttpMethod.Post : HttpMethod.Get, path);
                if (ok is null)
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                cells++;
                var actualLocation = response.Headers.Location?.IsAbsoluteUri == true ? response.Headers.Location.PathAndQuery : response.Headers.Location?.OriginalString;
                if (response.StatusCode != status || (location is not null && actualLocation?.StartsWith(location, StringComparison.Ordinal) != true)
                    || (allowed && actualLocation is not null && (actualLocation.Contains("/Account/Login", StringComparison.Ordinal) || actualLocation.Contains("AccessDenied", StringComparison.Ordinal))))
                {
                    mismatches.Add($"{caller} {request.Method} {path}: {(int)response.StatusCode} {actualLocation}, expected {(int)status} {location}");
                }
            }
        }

        foreach (var client in callers.Values)
        {
            client.Dispose();
        }

        output.WriteLine($"{cells} cells, {mismatches.Count} mismatches");
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    private IEnumerable<(string Route, RouteEndpoint Endpoint)> AppRoutes() =>
        matrix.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.All(m => m.GetType().Name != "StaticAssetDescriptor"))
            .Select(e => ("/" + e.RoutePattern.RawText!.TrimStart('/'), e))
            .DistinctBy(r => r.Item1);
}
