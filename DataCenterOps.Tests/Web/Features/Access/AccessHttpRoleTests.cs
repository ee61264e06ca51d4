using DataCenterOps.Tests.TestSupport;
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
using static DataCenterOps.Tests.TestSupport.TestDatabase;
using Microsoft.AspNetCore.Identity;

namespace DataCenterOps.Tests.Web.Features.Access;

/// <summary>The register over HTTP against the real app (a fresh one per test), signed in for real as the demo people.</summary>
public sealed class AccessHttpRoleTests : IAsyncLifetime
{
    private readonly WebAppFactory _app = new();
    private string Operator = "", Supervisor = "", Manager = "", Inspector = "", Inspector2 = "";

    public async Task InitializeAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
        async Task<string> IdOf(string email) => await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        Operator = await IdOf("operator@dcops.local");
        Supervisor = await IdOf("supervisor@dcops.local");
        Manager = await IdOf("pengelola@dcops.local");
        Inspector = await IdOf("pemeriksa1@dcops.local");
        Inspector2 = await IdOf("pemeriksa2@dcops.local");
        var now = DateTime.UtcNow;
        var letter = new AssignmentLetter { Agenda = "Pemeliharaan", SupervisorId = Supervisor, ManagerId = Manager, ValidFromUtc = now.AddHours(-1), ValidUntilUtc = now.AddDays(1), CreatedAtUtc = now };
        letter.Inspectors.Add(new AssignmentLetterInspector { LetterId = letter.Id, UserId = Inspector });
        letter.Issue("065.2/7/Diskominfo/2026", 2026, 7, now);
        db.AssignmentLetters.Add(letter);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpClient> ClientAsync(string? role) => SignInClient.BrowserClientAsync(_app, role);

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<IdBody>())!.Id;

    private sealed record IdBody(Guid Id);

    [Fact]
    public async Task Operator_CanRegisterAnEntryAndAnExit()
    {
        using var client = await ClientAsync(Roles.Operator);

        var entered = await client.PostAsJsonAsync("/api/access/entries/staff", Staff(Inspector));
        Assert.Equal(HttpStatusCode.Created, entered.StatusCode);
        var id = await IdOfAsync(entered);
        var occupancy = await client.GetStringAsync("/api/access/occupancy");
        var exited = await client.PostAsJsonAsync($"/api/access/entries/{id}/exit", new ExitInput([]));

        Assert.Contains("Pemeriksa Satu", occupancy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, exited.StatusCode);
    }

    [Fact]
    public async Task Operator_CannotVoidOrCorrect()
    {
        using var client = await ClientAsync(Roles.Operator);
        var id = await IdOfAsync(await client.PostAsJsonAsync("/api/access/entries/staff", Staff(Inspector)));

        var voided = await client.PostAsJsonAsync($"/api/access/entries/{id}/void", new ReasonRequest("salah"));
        var corrected = await client.PostAsJsonAsync($"/api/access/entries/{id}/correct", new EntryCorrection(null, null, "x", "salah"));

        Assert.Equal(HttpStatusCode.Forbidden, voided.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, corrected.StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Equal(AccessEntryStatus.Inside, (await scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>().Set<AccessEntry>().SingleAsync()).Status);
    }

    [Fact]
    public async Task Supervisor_CanVoidWithAReason()
    {
        using var desk = await ClientAsync(Roles.Operator);
        var id = await IdOfAsync(await desk.PostAsJsonAsync("/api/access/entries/staff", Staff(Inspector)));
        using var supervisor = await ClientAsync(Roles.Supervisor);

        var voided = await supervisor.PostAsJsonAsync($"/api/access/entries/{id}/void", new ReasonRequest("Dicatat dua kali"));

        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
    }

    [Fact]
    public async Task RolesAreReadFromTheDatabase_NotOnlyFromTheCookie()
    {
        // The cookie was issued to a Supervisor; the database now says Operator (changed behind Identity's back, so the
        // stamp is unchanged): the refreshed cookie and the domain both refuse.
        using var desk = await ClientAsync(Roles.Operator);
        var id = await IdOfAsync(await desk.PostAsJsonAsync("/api/access/entries/staff", Staff(Inspector)));
        using var stale = await ClientAsync(Roles.Supervisor);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
            var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
            db.UserRoles.Remove(await db.UserRoles.SingleAsync(r => r.UserId == Supervisor && r.RoleId == roles[Roles.Supervisor]));
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = Supervisor, RoleId = roles[Roles.Operator] });
            await db.SaveChangesAsync();
        }

        var voided = await stale.PostAsJsonAsync($"/api/access/entries/{id}/void", new ReasonRequest("x"));

        Assert.Equal(HttpStatusCode.Forbidden, voided.StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsRefusedEverywhere()
    {
        using var client = await ClientAsync(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/access/entries/staff", Staff(Inspector))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/access/occupancy")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/access/log.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync($"/api/access/entries/{Guid.NewGuid()}/void", new ReasonRequest("x"))).StatusCode);
    }

    [Fact]
    public async Task RefusedEntry_IsAConflictWithTheReason()
    {
        using var client = await ClientAsync(Roles.Operator);

        var refused = await client.PostAsJsonAsync("/api/access/entries/staff", Staff(Inspector2));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(nameof(AccessError.NoValidAuthorisation), await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_GiveCsvAndPdfOfTheLog()
    {
        using var desk = await ClientAsync(Roles.Operator);
        await desk.PostAsJsonAsync("/api/access/entries/staff", Staff(Manager));
        await desk.PostAsJsonAsync("/api/access/entries/visitor", Visitor(Manager) with { Organisation = "=HYPERLINK(\"x\")" });
        using var admin = await ClientAsync(Roles.Administrator);

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
