using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static DataCenterOps.Tests.TestSupport.TestDatabase;

namespace DataCenterOps.Tests.Web.Features.Access;

public sealed class DoorCorrelationTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private readonly RecordingAlarmSink _sink = new();
    private DoorCorrelationService _service = null!;

    public async Task InitializeAsync()
    {
        _db = await CreateAccessAsync();
        _service = new DoorCorrelationService(new Factory(_db), _db.Time, Microsoft.Extensions.Options.Options.Create(_db.AccessOptions), [_sink],
            new DataCenterOps.Domain.Auditing.AuditLogFactory(_db.Time),
            NullLogger<DoorCorrelationService>.Instance);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task DoorOpen_WithNoRegistration_RaisesUnregisteredAccess_OnceTheWindowHasPassed()
    {
        await _service.HandleAsync(new DoorEvent("env-1", _db.Now, Open: true), default);
        await _service.HandleAsync(new DoorEvent("env-1", _db.Now.AddSeconds(20), Open: false), default);

        _db.Time.Advance(TimeSpan.FromSeconds(90));
        await _service.EvaluateAsync(default);
        Assert.Empty(_sink.Raised);

        _db.Time.Advance(TimeSpan.FromSeconds(31));
        await _service.EvaluateAsync(default);
        var alarm = Assert.Single(_sink.Raised);
        Assert.Equal(("env-1", AccessAlarmKeys.UnregisteredAccess, AccessAlarmSeverity.Critical), (alarm.Source, alarm.Key, alarm.Severity));

        await _service.EvaluateAsync(default);
        Assert.Single(_sink.Raised);
    }

    [Fact]
    public async Task DoorOpen_JustAfterAnEntryIsRegistered_RaisesNothing()
    {
        await RegisterInspectorAsync();
        _db.Time.Advance(TimeSpan.FromSeconds(40));
        await _service.HandleAsync(new DoorEvent("env-1", _db.Now, true), default);
        await _service.HandleAsync(new DoorEvent("env-1", _db.Now.AddSeconds(10), false), default);

        _db.Time.Advance(TimeSpan.FromMinutes(5));
        await _service.EvaluateAsync(default);

        Assert.DoesNotContain(_sink.Raised, a => a.Key == AccessAlarmKeys.UnregisteredAccess);
    }

    [Fact]
    public async Task DoorOpen_RegisteredLateButWithinTheWindow_RaisesNothing()
    {
        await _service.HandleAsync(new DoorEvent("env-1", _db.Now, true), default);
        _db.Time.Advance(TimeSpan.FromSeconds(60));
        await RegisterInspectorAsync();

        _db.Time.Advance(TimeSpan.FromMinutes(2));
        await _service.EvaluateAsync(default);

        Assert.DoesNotContain(_sink.Raised, a => a.Key == AccessAlarmKeys.UnregisteredAccess);
    }

    [Fact]
    public async Task DoorOpen_LongAfterTheLastRegistration_RaisesUnregisteredAccess_AndResolvingClearsIt()
    {
        await RegisterInspectorAsync();
        _db.Time.Advance(TimeSpan.FromMinutes(10));
        await _service.HandleAsync(new DoorEvent("env-2", _db.Now, true), default);
        await _service.HandleAsync(new DoorEvent("env-2", _db.Now.AddSeconds(5), false), default);
        _db.Time.Advance(TimeSpan.FromMinutes(3));
        await _service.EvaluateAsync(default);
        Assert.Contains(_sink.Raised, a => a.Source == "env-2" && a.Key == AccessAlarmKeys.UnregisteredAccess);

        await using var db = _db.NewContext();
        await _service.ResolveUnregisteredAsync(await ActorAsync(db, Operator), "env-2", DataCenterOps.Domain.Sites.Site.DefaultId, "Teknisi keluar lewat pintu darurat, dicatat terlambat", default);

        Assert.Contains(("env-2", AccessAlarmKeys.UnregisteredAccess), _sink.Cleared);
        Assert.DoesNotContain(("env-2", AccessAlarmKeys.UnregisteredAccess), _service.Raised);
        await using var check = _db.NewContext();
        Assert.Contains(await check.AuditEntries.ToListAsync(), a => a.Action == "UnregisteredAccessResolved" && a.EntityId == "env-2");
    }

    [Fact]
    public async Task DoorHeldOpen_RaisesAfterTheLimit_AndClearsWhenItCloses()
    {
        await RegisterInspectorAsync();
        await _service.HandleAsync(new DoorEvent("env-1", _db.Now, true), default);
        _db.Time.Advance(TimeSpan.FromMinutes(4));
        await _service.EvaluateAsync(default);
        Assert.DoesNotContain(_sink.Raised, a => a.Key == AccessAlarmKeys.DoorHeldOpen);

        _db.Time.Advance(TimeSpan.FromMinutes(1));
        await _service.EvaluateAsync(default);
        Assert.Contains(_sink.Raised, a => a.Source == "env-1" && a.Key == AccessAlarmKeys.DoorHeldOpen && a.Severity == AccessAlarmSeverity.Warning);

        await _service.HandleAsync(new DoorEvent("env-1", _db.Now, false), default);
        Assert.Contains(("env-1", AccessAlarmKeys.DoorHeldOpen), _sink.Cleared);
        Assert.DoesNotContain(_sink.Raised, a => a.Key == AccessAlarmKeys.UnregisteredAccess);
    }

    [Fact]
    public async Task PeopleInsideAfterHours_AreFlagged_AndTheFlagClearsWhenTheyLeave()
    {
        var entry = await RegisterInspectorAsync();
        await _service.EvaluateAsync(default);
        Assert.DoesNotContain(_sink.Raised, a => a.Key == AccessAlarmKeys.AfterHours);

        _db.Time.Advance(TimeSpan.FromHours(6)); // 16:00 WITA: working hours end.
        await _service.EvaluateAsync(default);
        var alarm = Assert.Single(_sink.Raised, a => a.Key == AccessAlarmKeys.AfterHours);
        Assert.Equal(AccessAlarmKeys.RoomSource, alarm.Source);

        await using var db = _db.NewContext();
        await _db.Register(db).RegisterExitAsync(await ActorAsync(db, Operator), entry.Id, new ExitInput([]));
        await _service.EvaluateAsync(default);
        Assert.Contains((AccessAlarmKeys.RoomSource, AccessAlarmKeys.AfterHours), _sink.Cleared);
    }

    [Fact]
    public void WorkingTime_FollowsTheSiteZoneAndWorkingDays()
    {
        var options = new AccessOptions { WorkingHours = "07:30–16:00" };

        Assert.False(options.IsWorkingTime(new DateTime(2026, 3, 9, 23, 29, 0, DateTimeKind.Utc))); // Tue 07:29 WITA
        Assert.True(options.IsWorkingTime(new DateTime(2026, 3, 9, 23, 30, 0, DateTimeKind.Utc)));  // Tue 07:30 WITA
        Assert.True(options.IsWorkingTime(new DateTime(2026, 3, 10, 7, 59, 0, DateTimeKind.Utc)));  // Tue 15:59 WITA
        Assert.False(options.IsWorkingTime(new DateTime(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc)));  // Tue 16:00 WITA
        Assert.False(options.IsWorkingTime(new DateTime(2026, 3, 14, 2, 0, 0, DateTimeKind.Utc)));  // Sat 10:00 WITA
    }

    [Theory]
    [InlineData("16:00-07:30")]
    [InlineData("7.30 to 16")]
    [InlineData("")]
    public void Options_RejectWorkingHoursThatDoNotParse(string hours)
    {
        var options = new AccessOptions { WorkingHours = hours };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);

        Assert.False(valid);
    }

    private async Task<AccessEntry> RegisterInspectorAsync()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();
        return await _db.Register(db).RegisterStaffEntryAsync(await ActorAsync(db, Operator), Staff(Inspector));
    }

    [Fact]
    public async Task PendingOpening_SurvivesARestart_AndIsStillCheckedAgainstTheRegister()
    {
        await _service.HandleAsync(new DoorEvent("env-1", _db.Now, Open: true), default);
        await _service.HandleAsync(new DoorEvent("env-1", _db.Now.AddSeconds(20), Open: false), default);

        // The app stops before the window has passed; a new process starts with a fresh service.
        var restartedSink = new RecordingAlarmSink();
        var restarted = Restarted(restartedSink);
        _db.Time.Advance(TimeSpan.FromMinutes(3));
        await restarted.EvaluateAsync(default);

        var alarm = Assert.Single(restartedSink.Raised);
        Assert.Equal(("env-1", AccessAlarmKeys.UnregisteredAccess), (alarm.Source, alarm.Key));
        await using var db = _db.NewContext();
        var opening = await db.Set<DoorOpening>().SingleAsync();
        Assert.Equal((false, _db.Now), (opening.Registered, opening.CheckedAtUtc));
    }

    [Fact]
    public async Task DoorStillOpenAcrossARestart_IsHeldOpen_AndClosesAsOneOpening()
    {
        await _service.HandleAsync(new DoorEvent("env-1", _db.Now, Open: true), default);
        var restartedSink = new RecordingAlarmSink();
        var restarted = Restarted(restartedSink);

        // After the restart the poller reports the door open again: the same opening, not a second one.
        await restarted.HandleAsync(new DoorEvent("env-1", _db.Now.AddMinutes(1), Open: true), default);
        _db.Time.Advance(TimeSpan.FromMinutes(6));
        await restarted.EvaluateAsync(default);
        await restarted.HandleAsync(new DoorEvent("env-1", _db.Now, Open: false), default);

        Assert.Contains(restartedSink.Raised, a => a.Key == AccessAlarmKeys.DoorHeldOpen);
        Assert.Contains(restartedSink.Cleared, c => c.Key == AccessAlarmKeys.DoorHeldOpen);
        await using var db = _db.NewContext();
        var opening = await db.Set<DoorOpening>().SingleAsync();
        Assert.Equal(_db.Now, opening.ClosedAtUtc);
    }

    [Fact]
    public async Task AfterHoursFlag_RaisedBeforeARestart_ClearsAfterIt_WhenTheyLeave_AndIsNotRaisedTwice()
    {
        var entry = await RegisterInspectorAsync();
        _db.Time.Advance(TimeSpan.FromHours(6)); // 16:00 WITA: working hours end.
        await _service.EvaluateAsync(default);
        Assert.Single(_sink.Raised, a => a.Key == AccessAlarmKeys.AfterHours);

        var restartedSink = new RecordingAlarmSink();
        var restarted = Restarted(restartedSink);
        await restarted.EvaluateAsync(default);
        await restarted.EvaluateAsync(default);
        // Announced once again (the board starts empty), as the alarm raised before, not a new one.
        var restored = Assert.Single(restartedSink.Raised, a => a.Key == AccessAlarmKeys.AfterHours);
        Assert.Equal(_sink.Raised.Single(a => a.Key == AccessAlarmKeys.AfterHours).RaisedAtUtc, restored.RaisedAtUtc);

        await using var db = _db.NewContext();
        await _db.Register(db).RegisterExitAsync(await ActorAsync(db, Operator), entry.Id, new ExitInput([]));
        await restarted.EvaluateAsync(default);

        Assert.Contains((AccessAlarmKeys.RoomSource, AccessAlarmKeys.AfterHours), restartedSink.Cleared);
        Assert.Empty(restarted.Raised);
        var thirdSink = new RecordingAlarmSink(); // and the next process has nothing left to restore
        await Restarted(thirdSink).EvaluateAsync(default);
        Assert.Empty(thirdSink.Raised);
    }

    [Fact]
    public async Task SecondUnregisteredOpening_WhileTheDoorsAlarmIsUp_IsCheckedToo_AndRaisesNoSecondAlarm()
    {
        for (var i = 0; i < 2; i++)
        {
            await _service.HandleAsync(new DoorEvent("env-1", _db.Now, Open: true), default);
            await _service.HandleAsync(new DoorEvent("env-1", _db.Now.AddSeconds(5), Open: false), default);
            _db.Time.Advance(TimeSpan.FromMinutes(3));
            await _service.EvaluateAsync(default);
        }

        Assert.Single(_sink.Raised, a => a.Key == AccessAlarmKeys.UnregisteredAccess);
        await using var db = _db.NewContext();
        Assert.All(await db.Set<DoorOpening>().ToListAsync(), o => Assert.Equal(false, o.Registered));
        Assert.Equal(2, await db.Set<DoorOpening>().CountAsync(o => o.CheckedAtUtc != null));
    }

    private DoorCorrelationService Restarted(RecordingAlarmSink sink) =>
        new(new Factory(_db), _db.Time, Microsoft.Extensions.Options.Options.Create(_db.AccessOptions), [sink], new DataCenterOps.Domain.Auditing.AuditLogFactory(_db.Time), NullLogger<DoorCorrelationService>.Instance);

    private sealed class Factory(TestDatabase database) : IDbContextFactory<DataCenterOpsDbContext>
    {
        public DataCenterOpsDbContext CreateDbContext() => database.NewContext();
    }
}
