using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Tests.Monitoring.Cluster;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DataCenterOps.Tests.Monitoring.Alarms.Incidents;

/// <summary>
/// Incidents stored where the alarms are, on both stores: the alarm service, the notification engine and the incident
/// service wired as the app wires them, on a real monitoring.db and on the tests' real PostgreSQL 15.
/// </summary>
public abstract class IncidentStoreTests
{
    private protected abstract Task<IncidentRig> CreateRigAsync();

    [Fact]
    public async Task MainsFailure_IsStoredAsOneIncident_WithItsTimeline_AcknowledgementByName_AndComment()
    {
        await using var rig = await CreateRigAsync();
        rig.Alarms.Apply("genset-1", [AlarmCondition.Active(AlarmKeys.MainsFailed, AlarmSeverity.Critical, "Mains failed")], complete: false);
        rig.Alarms.Apply("ups-1", [AlarmCondition.Active(AlarmKeys.UpsOnBattery, AlarmSeverity.Critical, "UPS on battery")], complete: false);
        await rig.SettleAsync();
        var open = Assert.Single(await rig.Incidents.ListAsync(new IncidentFilter(State: IncidentState.Open), CancellationToken.None));
        var onBattery = rig.Alarms.GetActive().Single(a => a.Key == AlarmKeys.UpsOnBattery);

        await rig.Alarms.AcknowledgeAsync(onBattery.Id, "operator@dcops.local", "Budi Operator", "Genset started by hand", CancellationToken.None);
        rig.Time.Advance(TimeSpan.FromSeconds(30));
        await rig.Incidents.AddCommentAsync(open.Id, "pengawas@dcops.local", "Sari Pengawas", "  PLN says the feeder tripped  ", CancellationToken.None);
        rig.Time.Advance(TimeSpan.FromMinutes(12));
        rig.Alarms.Apply("genset-1", [AlarmCondition.Inactive(AlarmKeys.MainsFailed)], complete: false);
        rig.Alarms.Apply("ups-1", [AlarmCondition.Inactive(AlarmKeys.UpsOnBattery)], complete: false);
        await rig.SettleAsync();

        var detail = await rig.Incidents.GetAsync(open.Id, CancellationToken.None);
        Assert.NotNull(detail);
        Assert.Equal("power", detail.Summary.Category);
        Assert.Equal(IncidentState.Closed, detail.Summary.State);
        Assert.Equal(2, detail.Summary.AlarmCount);
        Assert.Equal([AlarmKeys.MainsFailed, AlarmKeys.UpsOnBattery], detail.Alarms.Select(a => a.Key));
        Assert.Equal(
            [IncidentTimelineKind.Raised, IncidentTimelineKind.Raised, IncidentTimelineKind.Acknowledged, IncidentTimelineKind.Comment, IncidentTimelineKind.Cleared, IncidentTimelineKind.Cleared],
            detail.Timeline.Select(t => t.Kind));
        var ack = detail.Timeline.Single(t => t.Kind == IncidentTimelineKind.Acknowledged);
        Assert.Equal("Budi Operator", ack.ActorName);
        Assert.Equal("Genset started by hand", ack.Text);
        var comment = detail.Timeline.Single(t => t.Kind == IncidentTimelineKind.Comment);
        Assert.Equal(("Sari Pengawas", "PLN says the feeder tripped"), (comment.ActorName, comment.Text));
        Assert.Equal(["Budi Operator"], detail.AcknowledgedBy);
        Assert.True(detail.Summary.ClosedAt >= detail.Alarms.Max(a => a.ClearedAt));
    }

    [Fact]
    public async Task IncidentList_FiltersByState_AndByPeriod_NewestFirst()
    {
        await using var rig = await CreateRigAsync();
        rig.Alarms.Apply("genset-1", [AlarmCondition.Active(AlarmKeys.MainsFailed, AlarmSeverity.Critical, "Mains failed")], complete: false);
        await rig.SettleAsync();
        rig.Alarms.Apply("genset-1", [AlarmCondition.Inactive(AlarmKeys.MainsFailed)], complete: false);
        await rig.SettleAsync();
        rig.Time.Advance(TimeSpan.FromMinutes(5));
        rig.Alarms.Apply("fire-1", [AlarmCondition.Active(AlarmKeys.FireAlarm, AlarmSeverity.Critical, "Fire")], complete: false);
        await rig.SettleAsync();

        var all = await rig.Incidents.ListAsync(new IncidentFilter(), CancellationToken.None);
        var closed = await rig.Incidents.ListAsync(new IncidentFilter(State: IncidentState.Closed), CancellationToken.None);
        var open = await rig.Incidents.ListAsync(new IncidentFilter(State: IncidentState.Open), CancellationToken.None);
        var later = await rig.Incidents.ListAsync(new IncidentFilter(From: all[0].OpenedAt.AddMinutes(1)), CancellationToken.None);

        Assert.Equal(["fire", "power"], all.Select(i => i.Category));
        Assert.Equal("power", Assert.Single(closed).Category);
        Assert.Equal("fire", Assert.Single(open).Category);
        Assert.Empty(later);
    }

    [Fact]
    public async Task IncidentList_ForSomeDevices_KeepsIncidentsWithAnAlarmOnThem_AndExceptLeavesOutThoseAllOnThem()
    {
        await using var rig = await CreateRigAsync();
        rig.Alarms.Apply("genset-1", [AlarmCondition.Active(AlarmKeys.MainsFailed, AlarmSeverity.Critical, "Mains failed")], complete: false);
        rig.Alarms.Apply("ups-1", [AlarmCondition.Active(AlarmKeys.UpsOnBattery, AlarmSeverity.Critical, "UPS on battery")], complete: false);
        await rig.SettleAsync();
        rig.Time.Advance(TimeSpan.FromMinutes(5));
        rig.Alarms.Apply("fire-2", [AlarmCondition.Active(AlarmKeys.FireAlarm, AlarmSeverity.Critical, "Fire")], complete: false);
        await rig.SettleAsync();

        var onUps = await rig.Incidents.ListAsync(new IncidentFilter(DeviceIds: ["ups-1", "env-9"]), CancellationToken.None);
        var onFire = await rig.Incidents.ListAsync(new IncidentFilter(DeviceIds: ["fire-2"]), CancellationToken.None);
        var onNone = await rig.Incidents.ListAsync(new IncidentFilter(DeviceIds: []), CancellationToken.None);
        var butFire = await rig.Incidents.ListAsync(new IncidentFilter(ExceptDeviceIds: ["fire-2"]), CancellationToken.None);
        var butUps = await rig.Incidents.ListAsync(new IncidentFilter(ExceptDeviceIds: ["ups-1"]), CancellationToken.None);
        var butBoth = await rig.Incidents.ListAsync(new IncidentFilter(ExceptDeviceIds: ["genset-1", "ups-1", "fire-2"]), CancellationToken.None);

        Assert.Equal(["power"], onUps.Select(i => i.Category));
        Assert.Equal(["fire"], onFire.Select(i => i.Category));
        Assert.Empty(onNone);
        Assert.Equal(["power"], butFire.Select(i => i.Category));
        // The mains failure also has genset-1's alarm: leaving out ups-1 alone keeps it.
        Assert.Equal(["fire", "power"], butUps.Select(i => i.Category));
        Assert.Empty(butBoth);
    }

    [Fact]
    public async Task Comment_WithoutWords_OrOnAnUnknownIncident_IsRefused_AndNotesCannotBeRewritten()
    {
        await using var rig = await CreateRigAsync();
        rig.Alarms.Apply("genset-1", [AlarmCondition.Active(AlarmKeys.MainsFailed, AlarmSeverity.Critical, "Mains failed")], complete: false);
        await rig.SettleAsync();
        var incident = Assert.Single(await rig.Incidents.ListAsync(new IncidentFilter(), CancellationToken.None));
        await rig.Incidents.AddCommentAsync(incident.Id, "operator@dcops.local", "Budi Operator", "Checked the ATS", CancellationToken.None);

        var empty = await Assert.ThrowsAsync<AlarmOperationException>(() => rig.Incidents.AddCommentAsync(incident.Id, "operator@dcops.local", "Budi", "   ", CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<AlarmOperationException>(() => rig.Incidents.AddCommentAsync(Guid.NewGuid(), "operator@dcops.local", "Budi", "x", CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => rig.ExecuteAsync("UPDATE {0}incident_notes SET text = 'rewritten'"));
        await Assert.ThrowsAnyAsync<Exception>(() => rig.ExecuteAsync("DELETE FROM {0}incident_notes"));

        Assert.Equal("IncidentCommentRequired", empty.MessageKey);
        Assert.Equal("IncidentNotFound", unknown.MessageKey);
        var detail = await rig.Incidents.GetAsync(incident.Id, CancellationToken.None);
        Assert.Equal("Checked the ATS", Assert.Single(detail!.Timeline, t => t.Kind == IncidentTimelineKind.Comment).Text);
    }

    public sealed class Sqlite : IncidentStoreTests
    {
        private protected override Task<IncidentRig> CreateRigAsync()
        {
            var temp = new TempDirectory();
            var database = new MonitoringDatabase(Options.Create(new MonitoringOptions { DataDirectory = temp.Path }));
            return Task.FromResult(new IncidentRig(
                new AlarmStore(database),
                new SqliteIncidentStore(database),
                async sql =>
                {
                    await using var connection = await database.OpenAsync(CancellationToken.None);
                    await using var command = connection.CreateCommand();
                    command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, "");
                    await command.ExecuteNonQueryAsync();
                },
                () =>
                {
                    SqliteConnection.ClearAllPools();
                    temp.Dispose();
                    return ValueTask.CompletedTask;
                }));
        }
    }

    public sealed class PostgreSql : IncidentStoreTests
    {
        private protected override async Task<IncidentRig> CreateRigAsync()
        {
            var scratch = await ScratchPostgresDatabase.CreateAsync();
            var shared = new SharedDatabase(Options.Create(new MonitoringOptions { PostgreSqlConnectionString = scratch.ConnectionString }));
            return new IncidentRig(
                new PostgreSqlAlarmStore(shared, Options.Create(new NodeOptions { Name = "node-a" })),
                new PostgreSqlIncidentStore(shared),
                sql => scratch.ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, "monitoring.")),
                async () =>
                {
                    await shared.DisposeAsync();
                    NpgsqlConnection.ClearAllPools();
                    await scratch.DisposeAsync();
                });
        }
    }
}

/// <summary>The alarm service, the notification engine and the incident service on one store pair, fed as the notification monitor feeds them.</summary>
internal sealed class IncidentRig : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writer;
    private readonly IDisposable _subscription;
    private readonly AlarmNotificationEngine _engine;
    private readonly Func<string, Task> _execute;
    private readonly Func<ValueTask> _dispose;

    public IncidentRig(IAlarmStore alarms, IIncidentStore incidents, Func<string, Task> execute, Func<ValueTask> dispose)
    {
        _execute = execute;
        _dispose = dispose;
        Alarms = new AlarmService(alarms, Time, [], NullLogger<AlarmService>.Instance);
        Incidents = new IncidentService(incidents, Alarms, Time);
        _engine = new AlarmNotificationEngine(IncidentRules.Shipped, new NoMaintenanceWindows(), Options.Create(new AlarmNotificationOptions()), Time);
        _subscription = Alarms.SubscribeStored(change => _engine.OnChange(change));
        _writer = Alarms.RunWriterAsync(_stop.Token);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public AlarmService Alarms { get; }

    public IncidentService Incidents { get; }

    /// <summary>Waits until every alarm change so far is stored and stores what the engine made of them.</summary>
    public async Task SettleAsync()
    {
        Time.Advance(TimeSpan.FromSeconds(10));
        await Alarms.GetHistoryAsync(new AlarmHistoryFilter(Limit: 1), CancellationToken.None);
        await Incidents.RecordAsync(_engine.DrainIncidentChanges(), CancellationToken.None);
    }

    /// <summary>Runs SQL against the store ({0} is the table prefix).</summary>
    public Task ExecuteAsync(string sql) => _execute(sql);

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _stop.CancelAsync();
        await _writer;
        _stop.Dispose();
        await _dispose();
    }
}
