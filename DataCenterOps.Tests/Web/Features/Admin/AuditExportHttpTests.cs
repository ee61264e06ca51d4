using System.Net;
using System.Text;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Admin;

/// <summary>The audit export over the real app: a Pengawas gets the CSV, and the export lands in the trail it exports.</summary>
public sealed class AuditExportHttpTests : IAsyncLifetime
{
    private readonly WebAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Pengawas_ExportsTheTrail_AndTheExportIsRecorded()
    {
        using var client = await SignInClient.ClientAsync(_app, Roles.Supervisor);

        using var first = await client.GetAsync("/admin/audit.csv?from=2020-01-01");
        var firstText = Encoding.UTF8.GetString(await first.Content.ReadAsByteArrayAsync());
        using var second = await client.GetAsync("/admin/audit.csv?action=AuditExported");
        var secondText = Encoding.UTF8.GetString(await second.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/csv", first.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("\uFEFF", firstText, StringComparison.Ordinal);
        Assert.Contains("AuditExported", secondText, StringComparison.Ordinal);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
        var supervisor = await db.Users.Where(u => u.Email == "supervisor@dcops.local").Select(u => u.Id).SingleAsync();
        var exports = await db.AuditEntries.Where(a => a.Action == "AuditExported").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, exports.Count);
        Assert.All(exports, e => Assert.Equal(supervisor, e.ActorId));
        Assert.Contains("\"FromUtc\":\"20", exports[0].AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_IsRefused_AndNothingIsRecorded()
    {
        using var client = await SignInClient.ClientAsync(_app, Roles.Operator);

        using var response = await client.GetAsync("/admin/audit.csv");

        // Outside /api a browser is sent to the access-denied page rather than given a bare 403.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.ToString(), StringComparison.OrdinalIgnoreCase);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "AuditExported"));
    }
}
