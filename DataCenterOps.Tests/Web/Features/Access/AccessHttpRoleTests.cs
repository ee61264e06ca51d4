using System.Net;
using System.Net.Http.Json;
using System.Text;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DataCenterOps.Tests.Web.Features.Access.AccessDatabase;

namespace DataCenterOps.Tests.Web.Features.Access;

public sealed class AccessHttpRoleTests : IAsyncLifetime
{
    private AccessHttpHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await AccessHttpHost.StartAsync();
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
        var now = DateTime.UtcNow;
        var letter = new AssignmentLetter { Agenda = "Pemeliharaan", SupervisorId = Supervisor, ManagerId = Manager, ValidFromUtc = now.AddHours(-1), ValidUntilUtc = now.AddDays(1), CreatedAtUtc = now };
        letter.Inspectors.Add(new AssignmentLetterInspector { LetterId = letter.Id, UserId = Inspector });
        letter.Issue("065.2/7/Diskominfo/2026", 2026, 7, now);
        db.AssignmentLetters.Add(letter);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Operator_CanRegisterAnEntryAndAnExit()
    {
        using var client = _host.Client(Operator, Roles.Operator);

        var entered = await client.PostAsJsonAsync("/api/access/entries/staff", Staff(Inspector));
        Assert.Equal(HttpStatusCode.Created, entered.StatusCode);
        var id = await AccessHttpHost.IdOfAsync(entered);
        var occupancy = await client.GetStringAsync("/api/access/occupancy");
        var exited = await client.PostAsJsonAsync($"/api/access/entries/{id}/exit", new ExitInput([]));

        Assert.Contains("Pemeriksa Satu", occupancy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, exited.StatusCode);
    }

    [Fact]
    public async Task Operator_CannotVoidOrCorrect()
    {
        using var client = _host.Client(Operator, Roles.Operator);
        var id = await AccessHttpHost.IdOfAsync(await client.PostAsJsonAsync("/api/access/entries/staff", Staff(Inspector)));

        var voided = await client.PostAsJsonAsync($"/api/access/entries/{id}/void", new ReasonRequest("salah"));
        var corrected = await client.PostAsJsonAsync($"/api/access/entries/{id}/correct", new EntryCorrection(null, null, "x", "salah"));

        Assert.Equal(HttpStatusCode.Forbidden, voided.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, corrected.StatusCode);
        await using var scope = _host.Services.CreateAsyncScope();
        Assert.Equal(AccessEntryStatus.Inside, (await scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>().Set<AccessEntry>().SingleAsync()).Status);
    }

    [Fact]
    public async Task Supervisor_CanVoidWithAReason()
    {
        using var desk = _host.Client(Operator, Roles.Operator);
        var id = await AccessHttpHost.IdOfAsync(await desk.PostAsJsonAsync("/api/access/entries/staff", Staff(Inspector)));
        using var supervisor = _host.Client(Supervisor, Roles.Supervisor);

        var voided = await supervisor.PostAsJsonAsync($"/api/access/entries/{id}/void", new ReasonRequest("Dicatat dua kali"));

        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
    }

    [Fact]
    public async Task RolesAreReadFromTheDatabase_NotOnlyFromTheCookie()
    {
        // The cookie claims Supervisor, but the database says Operator: the domain refuses.
        using var desk = _host.Client(Operator, Roles.Operator);
        var id = await AccessHttpHost.IdOfAsync(await desk.PostAsJsonAsync("/api/access/entries/staff", Staff(Inspector)));
        using var stale = _host.Client(Operator, Roles.Supervisor);

        var voided = await stale.PostAsJsonAsync($"/api/access/entries/{id}/void", new ReasonRequest("x"));

        Assert.Equal(HttpStatusCode.Forbidden, voided.StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsRefusedEverywhere()
    {
        using var client = _host.Client(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/access/entries/staff", Staff(Inspector))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/access/occupancy")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/access/log.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync($"/api/access/entries/{Guid.NewGuid()}/void", new ReasonRequest("x"))).StatusCode);
    }

    [Fact]
    public async Task RefusedEntry_IsAConflictWithTheReason()
    {
        using var client = _host.Client(Operator, Roles.Operator);

        var refused = await client.PostAsJsonAsync("/api/access/entries/staff", Staff(Inspector2));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(nameof(AccessError.NoValidAuthorisation), await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_GiveCsvAndPdfOfTheLog()
    {
        using var desk = _host.Client(Operator, Roles.Operator);
        await desk.PostAsJsonAsync("/api/access/entries/staff", Staff(Manager));
        await desk.PostAsJsonAsync("/api/access/entries/visitor", Visitor(Manager) with { Organisation = "=HYPERLINK(\"x\")" });
        using var admin = _host.Client(Administrator, Roles.Administrator);

        var csv = await admin.GetAsync("/api/access/log.csv");
        var pdf = await admin.GetAsync("/api/access/log.pdf");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("Budi Vendor", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
    }
}
