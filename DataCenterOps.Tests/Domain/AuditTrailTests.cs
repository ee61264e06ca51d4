using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static DataCenterOps.Tests.TestSupport.TestDatabase;

namespace DataCenterOps.Tests.Domain;

/// <summary>The audit viewer's reads: filtered by person, action and period, only for Pengawas and Administrator; an export is itself audited.</summary>
/// <remarks>Runs on both providers: <c>AuditTrailTests+Sqlite</c> and <c>AuditTrailTests+PostgreSql</c>.</remarks>
public abstract class AuditTrailTests(StorageProvider provider) : IAsyncLifetime
{
    public sealed class Sqlite() : AuditTrailTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : AuditTrailTests(StorageProvider.PostgreSql);

    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await CreateAccessAsync(provider);
        await using var db = _db.NewContext();
        await _db.Grants(db).GrantAsync(await ActorAsync(db, Supervisor), new NewGrant(Outsider, "Teknisi jaringan", 4));
        _db.Time.Advance(TimeSpan.FromDays(2));
        var second = await _db.Grants(db).GrantAsync(await ActorAsync(db, Supervisor2), new NewGrant(Manager, "Vendor UPS", 2));
        await _db.Grants(db).RevokeAsync(await ActorAsync(db, Supervisor2), second.Id, "Jadwal vendor batal");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Search_FiltersByPersonActionAndPeriod_NewestFirst_WithNames()
    {
        await using var db = _db.NewContext();
        var queries = new AuditQueries(db, new AuditLog(db, _db.Time));
        var admin = await ActorAsync(db, Administrator);

        var all = await queries.SearchAsync(admin, new AuditFilter());
        var byPerson = await queries.SearchAsync(admin, new AuditFilter(PersonId: Supervisor2));
        var byAction = await queries.SearchAsync(admin, new AuditFilter(Action: "AccessGrantIssued"));
        var firstDay = await queries.SearchAsync(admin, new AuditFilter(FromUtc: AccessStart.UtcDateTime, ToUtc: AccessStart.UtcDateTime.AddDays(1)));

        Assert.Equal(["AccessGrantRevoked", "AccessGrantIssued", "AccessGrantIssued"], all.Select(r => r.Action));
        Assert.Equal(["Pengawas Dua", "Pengawas Dua"], byPerson.Select(r => r.ActorName));
        Assert.Equal(2, byAction.Count);
        Assert.Equal("Pengawas Satu", Assert.Single(firstDay).ActorName);
        Assert.Contains("Jadwal vendor batal", all[0].AfterJson, StringComparison.Ordinal);
        Assert.Equal(["AccessGrantIssued", "AccessGrantRevoked"], await queries.ActionsAsync());
    }

    [Theory]
    [InlineData(Operator)]
    [InlineData(Manager)]
    [InlineData(Inspector)]
    public async Task Search_AndExport_AreRefused_ToOtherRoles(string userId)
    {
        await using var db = _db.NewContext();
        var queries = new AuditQueries(db, new AuditLog(db, _db.Time));
        var actor = await ActorAsync(db, userId);

        var search = await Assert.ThrowsAsync<SopRuleViolationException>(() => queries.SearchAsync(actor, new AuditFilter()));
        var export = await Assert.ThrowsAsync<SopRuleViolationException>(() => queries.ExportAsync(actor, new AuditFilter()));

        Assert.Equal(SopError.WrongRole, search.Code);
        Assert.Equal(SopError.WrongRole, export.Code);
        await using var check = _db.NewContext();
        Assert.DoesNotContain(await check.AuditEntries.ToListAsync(), a => a.Action == "AuditExported");
    }

    [Fact]
    public async Task Export_IsItselfAudited_WithWhoAndWhichRange()
    {
        await using var db = _db.NewContext();
        var queries = new AuditQueries(db, new AuditLog(db, _db.Time));
        var from = AccessStart.UtcDateTime;

        var rows = await queries.ExportAsync(await ActorAsync(db, Supervisor), new AuditFilter(Action: "AccessGrantIssued", FromUtc: from));

        Assert.Equal(2, rows.Count);
        await using var check = _db.NewContext();
        var exported = await check.AuditEntries.SingleAsync(a => a.Action == "AuditExported");
        Assert.Equal(Supervisor, exported.ActorId);
        Assert.Equal(_db.Now, exported.AtUtc);
        Assert.Contains("\"Action\":\"AccessGrantIssued\"", exported.AfterJson, StringComparison.Ordinal);
        Assert.Contains("\"Rows\":2", exported.AfterJson, StringComparison.Ordinal);
    }
}
