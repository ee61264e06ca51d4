using System.Net;
using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Http;

/// <summary>
/// /reports/{id} of an archived report follows the archive's rule: archive readers (Pengelola, Pengawas, Administrator)
/// and the people named on it; before archiving, anyone signed in. (Rows written directly: the rule, not the workflow.)
/// </summary>
public sealed class ArchivedReportReadTests(WebAppFactory factory) : IClassFixture<WebAppFactory>, IAsyncLifetime
{
    private Guid _archived;
    private Guid _open;

    public async Task InitializeAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
        if (await db.ArchivedReports.AnyAsync(a => a.LetterNumber == "matrix/archived"))
        {
            _archived = await db.ArchivedReports.Where(a => a.LetterNumber == "matrix/archived").Select(a => a.ReportId).SingleAsync();
            _open = await db.MaintenanceReports.Where(r => r.WorkPlan!.Title == "open").Select(r => r.Id).SingleAsync();
            return;
        }

        async Task<string> IdOf(string email) => await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var supervisor = await IdOf("supervisor@dcops.local");
        var manager = await IdOf("pengelola@dcops.local");
        var inspector = await IdOf("pemeriksa1@dcops.local");
        var now = DateTime.UtcNow;
        (Guid Report, Guid Plan) Report(string title)
        {
            var letter = new AssignmentLetter { Agenda = title, SupervisorId = supervisor, ManagerId = manager, ValidFromUtc = now, ValidUntilUtc = now.AddDays(1), CreatedAtUtc = now };
            letter.Inspectors.Add(new AssignmentLetterInspector { LetterId = letter.Id, UserId = inspector });
            var plan = new WorkPlan { LetterId = letter.Id, Letter = letter, Title = title, ManagerId = manager, CreatedAtUtc = now };
            var report = new MaintenanceReport { WorkPlanId = plan.Id, WorkPlan = plan };
            db.AddRange(letter, plan, report);
            return (report.Id, plan.Id);
        }

        var archived = Report("archived");
        _open = Report("open").Report;
        _archived = archived.Report;
        // The next position of the archive chain: the evidence seal refuses any other.
        var position = (await db.ArchivedReports.MaxAsync(a => (long?)a.Id) ?? 0) + 1;
        db.ArchivedReports.Add(new ArchivedReport
        {
            Id = position,
            ReportId = archived.Report, WorkPlanId = archived.Plan, LetterNumber = "matrix/archived", ArchivedById = manager,
            ArchivedAtUtc = now, CanonicalJson = "{}", PreviousHash = "", Hash = "test",
        });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(Roles.Manager, true)]
    [InlineData(Roles.Supervisor, true)]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Inspector, true)] // pemeriksa1 is named on the letter
    [InlineData(Roles.Operator, false)]
    public async Task AnArchivedReport_IsReadByArchiveReadersAndThePeopleNamedOnIt(string role, bool readable)
    {
        using var client = await SignInClient.ClientAsync(factory, role);

        using var response = await client.GetAsync($"/reports/{_archived}");

        if (readable)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnInspectorNotNamedOnIt_CannotReadTheArchivedReport()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using var login = await SignInClient.PostLoginAsync(client, "pemeriksa2@dcops.local", DataCenterOps.Domain.Seeding.DemoUsers.Password);

        using var response = await client.GetAsync($"/reports/{_archived}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReportNotYetArchived_IsReadByAnyoneSignedIn()
    {
        using var client = await SignInClient.ClientAsync(factory, Roles.Operator);

        using var response = await client.GetAsync($"/reports/{_open}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
