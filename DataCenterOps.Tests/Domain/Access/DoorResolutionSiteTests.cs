using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Tests.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static DataCenterOps.Tests.TestSupport.TestDatabase;

namespace DataCenterOps.Tests.Domain.Access;

/// <summary>
/// Resolving an unregistered door opening is per site: the opening is the door's own (at the screen's site), and only
/// someone whose roles reach that site resolves it; a refusal leaves the alarm raised and writes no audit entry.
/// </summary>
/// <remarks>Runs on both providers: <c>DoorResolutionSiteTests+Sqlite</c> and <c>DoorResolutionSiteTests+PostgreSql</c>.</remarks>
public abstract class DoorResolutionSiteTests(StorageProvider provider) : IAsyncLifetime
{
    public sealed class Sqlite() : DoorResolutionSiteTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : DoorResolutionSiteTests(StorageProvider.PostgreSql);

    private const string RegencyDoor = "env-kukar";
    private static readonly Guid s_regency = new("5e7e0000-0000-4000-8000-0000000000e1");
    private TestDatabase _db = null!;
    private readonly RecordingAlarmSink _sink = new();
    private DoorCorrelationService _service = null!;

    public async Task InitializeAsync()
    {
        _db = await CreateAccessAsync(provider);
        await using (var db = _db.NewContext())
        {
            db.Sites.Add(new Site { Id = s_regency, Code = "DC-KUKAR", Name = "Ruang server Kabupaten Kutai Kartanegara", Address = "Tenggarong", TimeZone = "Asia/Makassar" });
            // The Operator works at the province only; Pemeriksa Dua at the regency only.
            db.UserSites.Add(new UserSite { UserId = Operator, SiteId = Site.DefaultId });
            db.UserSites.Add(new UserSite { UserId = Inspector2, SiteId = s_regency });
            await db.SaveChangesAsync();
        }

        _service = new(new Factory(_db), _db.Time, Microsoft.Extensions.Options.Options.Create(_db.AccessOptions), [_sink], new AuditLogFactory(_db.Time), NullLogger<DoorCorrelationService>.Instance);
        await _service.HandleAsync(new DoorEvent(RegencyDoor, _db.Now, Open: true) { SiteId = s_regency }, default);
        await _service.HandleAsync(new DoorEvent(RegencyDoor, _db.Now.AddSeconds(10), Open: false) { SiteId = s_regency }, default);
        _db.Time.Advance(TimeSpan.FromMinutes(3));
        await _service.EvaluateAsync(default);
        var alarm = Assert.Single(_sink.Raised, a => a.Key == AccessAlarmKeys.UnregisteredAccess);
        Assert.Equal((s_regency, "access:DC-KUKAR"), (alarm.SiteId, alarm.RoomSource));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Resolving_ADoorOfAnotherSite_IsRefused_ForSomeoneLimitedToTheirOwnSite()
    {
        await using var db = _db.NewContext();
        var provinceDesk = await ActorAsync(db, Operator);

        var error = await Assert.ThrowsAsync<AccessRuleViolationException>(() =>
            _service.ResolveUnregisteredAsync(provinceDesk, RegencyDoor, s_regency, "Sudah dicek", default));

        Assert.Equal((AccessError.OtherSite, "OtherSite"), (error.Code, error.MessageKey));
        await AssertStillRaisedAsync();
    }

    [Fact]
    public async Task Resolving_ADoorOfAnotherSite_FromThisSitesScreen_IsRefused_EvenForSomeoneWhoReachesBoth()
    {
        await using var db = _db.NewContext();
        var supervisor = await ActorAsync(db, Supervisor);

        var error = await Assert.ThrowsAsync<AccessRuleViolationException>(() =>
            _service.ResolveUnregisteredAsync(supervisor, RegencyDoor, Site.DefaultId, "Sudah dicek", default));

        Assert.Equal((AccessError.OtherSite, "DoorOtherSite"), (error.Code, error.MessageKey));
        await AssertStillRaisedAsync();
    }

    [Fact]
    public async Task Resolving_ADoorWithNoUnregisteredOpening_IsRefusedAsNotFound()
    {
        await using var db = _db.NewContext();
        var supervisor = await ActorAsync(db, Supervisor);

        var error = await Assert.ThrowsAsync<AccessRuleViolationException>(() =>
            _service.ResolveUnregisteredAsync(supervisor, "env-1", Site.DefaultId, "Sudah dicek", default));

        Assert.Equal("NotFound", error.MessageKey);
        await AssertStillRaisedAsync();
    }

    [Fact]
    public async Task Resolving_TheSitesOwnDoor_BySomeoneAtThatSite_ClearsItsAlarm_AndAuditsTheOpening()
    {
        await using var db = _db.NewContext();
        var regencyInspector = await ActorAsync(db, Inspector2);

        await _service.ResolveUnregisteredAsync(regencyInspector, RegencyDoor, s_regency, "Teknisi lupa mencatat, sudah dicatat terlambat", default);

        Assert.Contains((RegencyDoor, AccessAlarmKeys.UnregisteredAccess), _sink.Cleared);
        Assert.DoesNotContain((RegencyDoor, AccessAlarmKeys.UnregisteredAccess), _service.Raised);
        await using var check = _db.NewContext();
        var opening = await check.Set<DoorOpening>().SingleAsync();
        var audit = await check.AuditEntries.SingleAsync(a => a.Action == "UnregisteredAccessResolved");
        Assert.Equal((Inspector2, RegencyDoor), (audit.ActorId, audit.EntityId));
        Assert.Contains($"\"OpeningId\":{opening.Id}", audit.AfterJson, StringComparison.Ordinal);
        Assert.Contains(s_regency.ToString(), audit.AfterJson, StringComparison.OrdinalIgnoreCase);
    }

    private async Task AssertStillRaisedAsync()
    {
        Assert.Contains((RegencyDoor, AccessAlarmKeys.UnregisteredAccess), _service.Raised);
        Assert.Empty(_sink.Cleared);
        await using var check = _db.NewContext();
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Action == "UnregisteredAccessResolved"));
    }

    private sealed class Factory(TestDatabase database) : IDbContextFactory<DataCenterOpsDbContext>
    {
        public DataCenterOpsDbContext CreateDbContext() => database.NewContext();
    }
}
