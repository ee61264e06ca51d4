using System.Net;
using System.Security.Claims;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Routine.Dashboard;
using DataCenterOps.Web.Features.Routine.Jobs;
using Hangfire.Dashboard;
using Hangfire;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>The /hangfire dashboard and the compliance exports over real HTTP, by role.</summary>
public sealed class DashboardAndExportTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private RoutineHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = await RoutineHost.StartAsync(_dir.Path, hangfire: true, web: true);
        _http = new HttpClient { BaseAddress = _host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        _dir.Dispose();
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Operator, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Inspector, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Manager, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Supervisor, HttpStatusCode.OK)]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    public async Task HangfireDashboard_AdmitsOnlyAdministratorsAndSupervisors(string? role, HttpStatusCode expected)
    {
        foreach (var path in new[] { "/hangfire", "/hangfire/recurring", "/hangfire/stats" })
        {
            using var request = Request(path == "/hangfire/stats" ? HttpMethod.Post : HttpMethod.Get, path, role);
            if (request.Method == HttpMethod.Post)
            {
                request.Content = new FormUrlEncodedContent([new("metrics[]", "enqueued:count")]);
            }

            using var response = await _http.SendAsync(request);
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public async Task HangfireDashboard_ListsTheRoutineJobs_ForAnAdministrator()
    {
        using var response = await _http.SendAsync(Request(HttpMethod.Get, "/hangfire/recurring", Roles.Administrator));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(RoutineJobIds.Sla, html, StringComparison.Ordinal);
        Assert.Contains(RoutineJobIds.Schedule("crac-daily"), html, StringComparison.Ordinal);
        Assert.Contains(RoutineJobIds.Backup, html, StringComparison.Ordinal);
    }

    [Fact]
    public void DashboardFilter_RefusesAnonymousLocalRequests_AndOtherRoles()
    {
        var filter = new HangfireRoleAuthorizationFilter();
        var storage = _host.Services.GetRequiredService<JobStorage>();

        bool Admits(ClaimsPrincipal user)
        {
            var http = new DefaultHttpContext { User = user, RequestServices = _host.Services };
            http.Connection.RemoteIpAddress = IPAddress.Loopback;
            http.Connection.LocalIpAddress = IPAddress.Loopback;
            return filter.Authorize(new AspNetCoreDashboardContext(storage, new DashboardOptions(), http));
        }

        static ClaimsPrincipal User(params string[] roles) =>
            new(new ClaimsIdentity(roles.Select(r => new Claim(ClaimTypes.Role, r)).Append(new Claim(ClaimTypes.Name, "someone")), "Test"));

        Assert.False(Admits(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.False(Admits(User(Roles.Operator)));
        Assert.False(Admits(User(Roles.Manager, Roles.Inspector)));
        Assert.True(Admits(User(Roles.Supervisor)));
        Assert.True(Admits(User(Roles.Operator, Roles.Administrator)));
    }

    [Fact]
    public async Task ComplianceExports_AreServedToManagers_AsCsvAndPdf_AndRefusedToOperators()
    {
        // The site's default language (the test host has no request localization; the culture flows into the request).
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("id-ID");
        var scenario = await RoutineScenario.CreateAsync(_host);
        await scenario.EquipmentAsync(EquipmentKind.Cooling, "=CRAC \"1\", row B");
        await scenario.CreatePlanAsync(await scenario.IssueLetterAsync(EquipmentKind.Cooling));
        var scheduleId = await _host.DbAsync(db => db.Set<MaintenanceSchedule>().Where(s => s.Code == "crac-daily").Select(s => s.Id).SingleAsync());
        await _host.InScopeAsync(sp => sp.GetRequiredService<ScheduleJob>().RunAsync(scheduleId, CancellationToken.None));

        using var csv = await _http.SendAsync(Request(HttpMethod.Get, "/routine/compliance/2026-11.csv", Roles.Manager));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        // Indonesian, the default culture: the headers come from Resources/Ui.resx.
        Assert.StartsWith("Perangkat,Jadwal,Frekuensi", lines[0], StringComparison.Ordinal);
        // Quoted, and defused so a spreadsheet does not run it as a formula.
        Assert.StartsWith("\"'=CRAC \"\"1\"\", row B\",Daily CRAC check,Harian,2026-11-25,2026-11-25,Belum selesai", lines[1], StringComparison.Ordinal);

        using var pdf = await _http.SendAsync(Request(HttpMethod.Get, "/routine/compliance/2026-11.pdf", Roles.Supervisor));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));

        using var refused = await _http.SendAsync(Request(HttpMethod.Get, "/routine/compliance/2026-11.csv", Roles.Operator));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var anonymous = await _http.SendAsync(Request(HttpMethod.Get, "/routine/compliance/2026-11.pdf", null));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var badMonth = await _http.SendAsync(Request(HttpMethod.Get, "/routine/compliance/2026-13.csv", Roles.Manager));
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? role)
    {
        var request = new HttpRequestMessage(method, path);
        if (role is not null)
        {
            request.Headers.Add("X-Test-User", "user-" + role);
            request.Headers.Add("X-Test-Roles", role);
        }

        return request;
    }
}
