using System.Net;
using System.Security.Claims;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Routine.Compliance;
using DataCenterOps.Web.Features.Routine.Dashboard;
using DataCenterOps.Web.Features.Routine.Jobs;
using DataCenterOps.Web.Shared.Hosting;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DataCenterOps.Domain.Seeding;

namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>
/// The /hangfire dashboard and the compliance exports over real HTTP, by role, against the real app (Hangfire on, by
/// configuration); the export's content is checked on the routine host, whose clock the test holds.
/// </summary>
public sealed class DashboardAndExportTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly WebAppFactory _app = new();
    private RoutineHost _host = null!;

    public async Task InitializeAsync()
    {
        _app.ExtraSettings["Hangfire:Enabled"] = "true";
        _app.ExtraSettings["Hangfire:QueuePollInterval"] = "00:00:00.200";
        _ = _app.Server;
        _host = await RoutineHost.StartAsync(_dir.Path, hangfire: true);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _app.DisposeAsync();
        _dir.Dispose();
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Redirect)]
    [InlineData(Roles.Operator, HttpStatusCode.Redirect)]
    [InlineData(Roles.Inspector, HttpStatusCode.Redirect)]
    [InlineData(Roles.Manager, HttpStatusCode.Redirect)]
    [InlineData(Roles.Supervisor, HttpStatusCode.OK)]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    public async Task HangfireDashboard_AdmitsOnlyAdministratorsAndSupervisors(string? role, HttpStatusCode expected)
    {
        // As the dashboard's own script does, its posts carry the antiforgery token.
        using var client = await SignInClient.BrowserClientAsync(_app, role);
        foreach (var path in new[] { "/hangfire", "/hangfire/recurring", "/hangfire/stats" })
        {
            using var request = new HttpRequestMessage(path == "/hangfire/stats" ? HttpMethod.Post : HttpMethod.Get, path);
            if (request.Method == HttpMethod.Post)
            {
                request.Content = new FormUrlEncodedContent([new("metrics[]", "enqueued:count")]);
            }

            using var response = await client.SendAsync(request);
            // Anonymous: the sign-in page, as for every page (the dashboard is HTML for people).
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public async Task HangfireDashboard_ListsTheRoutineJobs_ForAnAdministrator()
    {
        using var client = await SignInClient.ClientAsync(_app, Roles.Administrator);
        using var response = await client.GetAsync("/hangfire/recurring");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(RoutineJobIds.Sla, html, StringComparison.Ordinal);
        Assert.Contains(RoutineJobIds.Schedule("crac-daily"), html, StringComparison.Ordinal);
        Assert.Contains(RoutineJobIds.Backup, html, StringComparison.Ordinal);
    }

    [Fact]
    public void DashboardFilter_RefusesAnonymousLocalRequests_AndOtherRoles()
    {
        var filter = new HangfirePolicyAuthorizationFilter(Policies.JobWatchers);
        var storage = _app.Services.GetRequiredService<JobStorage>();

        bool Admits(ClaimsPrincipal user)
        {
            using var scope = _app.Services.CreateScope();
            var http = new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider };
            http.Connection.RemoteIpAddress = IPAddress.Loopback;
            http.Connection.LocalIpAddress = IPAddress.Loopback;
            return filter.AuthorizeAsync(new AspNetCoreDashboardContext(storage, new DashboardOptions(), http)).GetAwaiter().GetResult();
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

        var document = await _host.InScopeAsync(sp => sp.GetRequiredService<ComplianceDocumentLoader>().LoadAsync(2026, 11, CancellationToken.None));
        var lines = ComplianceCsv.Write(document, _host.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<DataCenterOps.Web.Ui>>()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        // Indonesian, the default culture: the headers come from Resources/Ui.resx.
        // id-ID's list separator is ";": the dialect Excel in Indonesian opens as columns.
        Assert.StartsWith("Perangkat;Jadwal;Frekuensi", lines[0], StringComparison.Ordinal);
        // Quoted (it holds quotes), and defused so a spreadsheet does not run it as a formula.
        Assert.StartsWith($"\"'=CRAC \"\"1\"\", row B\";{ShippedNames.CracDaily.Indonesian};Harian;2026-11-25;2026-11-25;Belum selesai", lines[1], StringComparison.Ordinal);

        using var manager = await SignInClient.ClientAsync(_app, Roles.Manager);
        using var csv = await manager.GetAsync("/routine/compliance/2026-11.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Perangkat;Jadwal;Frekuensi", (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);

        using var supervisor = await SignInClient.ClientAsync(_app, Roles.Supervisor);
        using var pdf = await supervisor.GetAsync("/routine/compliance/2026-11.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));

        using var operatorClient = await SignInClient.ClientAsync(_app, Roles.Operator);
        using var refused = await operatorClient.GetAsync("/routine/compliance/2026-11.csv");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("AccessDenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var anonymousClient = await SignInClient.ClientAsync(_app, null);
        using var anonymous = await anonymousClient.GetAsync("/routine/compliance/2026-11.pdf");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("Account/Login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var badMonth = await manager.GetAsync("/routine/compliance/2026-13.csv");
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
    }
}
