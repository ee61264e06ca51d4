using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Tests.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static DataCenterOps.Tests.TestSupport.TestDatabase;

namespace DataCenterOps.Tests.Domain.Access;

/// <summary>
/// The door cross-check is per site: a door is checked against its own site's register, and after-hours is judged per
/// site's room in the site's time zone (Access:TimeZone for a site without one).
/// </summary>
/// <remarks>Runs on both providers: <c>DoorCorrelationSiteTests+Sqlite</c> and <c>DoorCorrelationSiteTests+PostgreSql</c>.</remarks>
public abstract class DoorCorrelationSiteTests(StorageProvider provider) : IAsyncLifetime
{
    public sealed class Sqlite() : DoorCorrelationSiteTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : DoorCorrelationSiteTests(StorageProvider.PostgreSql);

    // Kabupaten in WIT (UTC+9), an hour ahead of the province's WITA; the third site names no zone.
    private static readonly Guid s_east = new("5e7e0000-0000-4000-8000-0000000000d1");
    private static readonly Guid s_nozone = new("5e7e0000-0000-4000-8000-0000000000d2");
    private TestDatabase _db = null!;
    private readonly RecordingAlarmSink _sink = new();
    private DoorCorrelationService _service = null!;
    private int _visitors;

    public async Task InitializeAsync()
    {
        _db = await CreateAccessAsync(provider);
        await using var db = _db.NewContext();
        db.Sites.Add(new Site { Id = s_east, Code = "DC-TIMUR", Name = "Ruang server timur", Address = "Jayapura", TimeZone = "Asia/Jayapura" });
        db.Sites.Add(new Site { Id = s_nozone, Code = "DC-TANPA", Name = "Ruang server tanpa zona", Address = "Samarinda", TimeZone = "" });
        await db.SaveChangesAsync();
        _service = NewService(_sink);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task DoorOpeningAtOneSite_WithAnEntryOnlyAtAnotherSite_IsUnregisteredAccess()
    {
        await VisitorInsideAsync(Site.DefaultId);
        await _service.HandleAsync(new DoorEvent("env-east", _db.Now.AddSeconds(30), Open: true) { SiteId = s_east }, default);
        await _service.HandleAsync(new DoorEvent("env-east", _db.Now.AddSeconds(40), Open: false) { SiteId = s_east }, default);

        _db.Time.Advance(TimeSpan.FromMinutes(3));
        await _service.EvaluateAsync(default);

        var alarm = Assert.Single(_sink.Raised, a => a.Key == AccessAlarmKeys.UnregisteredAccess);
        Assert.Equal(("env-east", s_east), (alarm.Source, alarm.SiteId));
        await using var db = _db.NewContext();
        var opening = await db.Set<DoorOpening>().SingleAsync();
        Assert.Equal((s_east, false), (opening.SiteId, opening.Registered));
    }

    [Fact]
    public async Task DoorOpeningAtOneSite_WithAnEntryAtThatSite_IsRegistered()
    {
        await VisitorInsideAsync(Site.DefaultId);
        await VisitorInsideAsync(s_east);
        await _service.HandleAsync(new DoorEvent("env-east", _db.Now.AddSeconds(30), Open: true) { SiteId = s_east }, default);
        await _service.HandleAsync(new DoorEvent("env-east", _db.Now.AddSeconds(40), Open: false) { SiteId = s_east }, default);

        _db.Time.Advance(TimeSpan.FromMinutes(3));
        await _service.EvaluateAsync(default);

        Assert.DoesNotContain(_sink.Raised, a => a.Key == AccessAlarmKeys.UnregisteredAccess);
        await using var db = _db.NewContext();
        Assert.True((await db.Set<DoorOpening>().SingleAsync()).Registered);
    }

    [Fact]
    public async Task AfterHours_IsJudgedPerSite_InTheSitesZone_AndInAccessTimeZoneForASiteWithNone()
    {
        await VisitorInsideAsync(Site.DefaultId);
        await VisitorInsideAsync(s_east);
        await VisitorInsideAsync(s_nozone);

        _db.Time.Advance(TimeSpan.FromHours(5.5)); // 07:30 UTC: 15:30 WITA (still working), 16:30 WIT (after hours).
        await _service.EvaluateAsync(default);
        var east = Assert.Single(_sink.Raised, a => a.Key == AccessAlarmKeys.AfterHours);
        Assert.Equal(("access:DC-TIMUR", s_east), (east.Source, east.SiteId));

        _db.Time.Advance(TimeSpan.FromMinutes(30)); // 16:00 WITA: the province and the site without a zone (Access:TimeZone) end too.
        await _service.EvaluateAsync(default);
        var flagged = _sink.Raised.Where(a => a.Key == AccessAlarmKeys.AfterHours).ToDictionary(a => a.SiteId, a => a.Source);
        Assert.Equal(new Dictionary<Guid, string>
        {
            [Site.DefaultId] = AccessAlarmKeys.RoomSource,
            [s_east] = "access:DC-TIMUR",
            [s_nozone] = "access:DC-TANPA",
        }, flagged);
    }

    [Fact]
    public async Task AfterHours_AtOneSite_ClearsWhenItsRoomIsEmpty_WhileAnotherSitesStaysRaised()
    {
        var east = await VisitorInsideAsync(s_east);
        await VisitorInsideAsync(s_nozone);
        _db.Time.Advance(TimeSpan.FromHours(7));
        await _service.EvaluateAsync(default);
        Assert.Contains(("access:DC-TIMUR", AccessAlarmKeys.AfterHours), _service.Raised);

        await using (var db = _db.NewContext())
        {
            var entry = await db.Set<AccessEntry>().SingleAsync(e => e.Id == east);
            entry.Status = AccessEntryStatus.Left;
            entry.OutAtUtc = _db.Now;
            await db.SaveChangesAsync();
        }

        await _service.EvaluateAsync(default);
        Assert.Contains(("access:DC-TIMUR", AccessAlarmKeys.AfterHours), _sink.Cleared);
        Assert.Contains(("access:DC-TANPA", AccessAlarmKeys.AfterHours), _service.Raised);
        Assert.DoesNotContain((AccessAlarmKeys.RoomSource, AccessAlarmKeys.AfterHours), _service.Raised);
    }

    [Fact]
    public async Task PendingOpening_SurvivesARestart_WithItsSite()
    {
        await VisitorInsideAsync(Site.DefaultId);
        await _service.HandleAsync(new DoorEvent("env-east", _db.Now, Open: true) { SiteId = s_east }, default);
        await _service.HandleAsync(new DoorEvent("env-east", _db.Now.AddSeconds(20), Open: false) { SiteId = s_east }, default);

        // The app stops before the window has passed; a new process checks the opening against its own site's register.
        var restartedSink = new RecordingAlarmSink();
        var restarted = NewService(restartedSink);
        _db.Time.Advance(TimeSpan.FromMinutes(3));
        await restarted.EvaluateAsync(default);

        var alarm = Assert.Single(restartedSink.Raised, a => a.Key == AccessAlarmKeys.UnregisteredAccess);
        Assert.Equal(("env-east", s_east), (alarm.Source, alarm.SiteId));
        await using var db = _db.NewContext();
        var opening = await db.Set<DoorOpening>().SingleAsync();
        Assert.Equal((s_east, false, _db.Now), (opening.SiteId, opening.Registered, opening.CheckedAtUtc));
    }

    [Fact]
    public async Task DoorHeldOpen_CarriesItsSite_AcrossARestart()
    {
        await VisitorInsideAsync(s_east);
        await _service.HandleAsync(new DoorEvent("env-east", _db.Now, Open: true) { SiteId = s_east }, default);
        var restartedSink = new RecordingAlarmSink();
        var restarted = NewService(restartedSink);

        _db.Time.Advance(TimeSpan.FromMinutes(6));
        await restarted.EvaluateAsync(default);

        var alarm = Assert.Single(restartedSink.Raised, a => a.Key == AccessAlarmKeys.DoorHeldOpen);
        Assert.Equal(("env-east", s_east), (alarm.Source, alarm.SiteId));
    }

    private DoorCorrelationService NewService(RecordingAlarmSink sink) =>
        new(new Factory(_db), _db.Time, Microsoft.Extensions.Options.Options.Create(_db.AccessOptions), [sink], new AuditLogFactory(_db.Time), NullLogger<DoorCorrelationService>.Instance);

    private async Task<Guid> VisitorInsideAsync(Guid siteId)
    {
        await using var db = _db.NewContext();
        var entry = new AccessEntry
        {
            Kind = AccessPersonKind.Visitor, SiteId = siteId, PersonName = "Tamu " + siteId.ToString()[^2..], IdType = "KTP",
            IdNumber = $"64720101010100{Interlocked.Increment(ref _visitors):00}", Purpose = "Kunjungan", InAtUtc = _db.Now, InRecordedById = Supervisor,
        };
        db.Set<AccessEntry>().Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    }

    private sealed class Factory(TestDatabase database) : IDbContextFactory<DataCenterOpsDbContext>
    {
        public DataCenterOpsDbContext CreateDbContext() => database.NewContext();
    }
}
