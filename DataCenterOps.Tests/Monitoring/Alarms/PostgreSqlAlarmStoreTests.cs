using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Tests.Monitoring.Cluster;
using Npgsql;

namespace DataCenterOps.Tests.Monitoring.Alarms;

/// <summary>Alarms in the database the nodes share, on the tests' real PostgreSQL 15: one alarm across nodes.</summary>
public sealed class PostgreSqlAlarmStoreTests
{
    private static readonly AlarmCondition OnBattery = AlarmCondition.Active(AlarmKeys.UpsOnBattery, AlarmSeverity.Critical, "UPS on battery");

    [Fact]
    public async Task SecondActiveAlarm_ForOneDeviceAndKey_IsRefusedByTheDatabase_ButAllowedOnceTheFirstCleared()
    {
        await using var database = await ScratchPostgresDatabase.CreateAsync();
        await using var node = new AlarmNode("node-a", database.ConnectionString);
        await node.Store.EnsureSchemaAsync(CancellationToken.None);
        const string Insert = "INSERT INTO monitoring.alarms (id, device_id, alarm_key, severity, message, raised_at) VALUES (gen_random_uuid(), 'ups-1', 'ups.on_battery', 'Critical', 'm', now())";

        await database.ExecuteAsync(Insert);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(Insert));
        await database.ExecuteAsync("UPDATE monitoring.alarms SET cleared_at = now()");
        await database.ExecuteAsync(Insert);

        Assert.Equal(PostgresErrorCodes.UniqueViolation, refused.SqlState);
        Assert.Equal("ux_alarms_one_active", refused.ConstraintName);
        Assert.Equal(2, await database.ScalarAsync("SELECT count(*) FROM monitoring.alarms"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM monitoring.alarms WHERE cleared_at IS NULL"));
    }

    [Fact]
    public async Task SameAlarmRaisedByTwoNodesAtOnce_IsStoredOnce_AndBothNodesShowThatOne()
    {
        await using var database = await ScratchPostgresDatabase.CreateAsync();
        await using var a = new AlarmNode("node-a", database.ConnectionString);
        await using var b = new AlarmNode("node-b", database.ConnectionString);
        await a.Store.EnsureSchemaAsync(CancellationToken.None);

        using var start = new ManualResetEventSlim();
        var raising = new[] { a, b }.Select(n => Task.Run(() =>
        {
            start.Wait();
            n.Alarms.Apply("ups-1", [OnBattery], complete: false);
        })).ToArray();
        start.Set();
        await Task.WhenAll(raising);
        await a.FlushAsync();
        await b.FlushAsync();

        var stored = a.Stored.Concat(b.Stored).Where(c => c.Event.Kind == AlarmEventKind.Raised).ToList();
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM monitoring.alarms"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM monitoring.alarm_events WHERE event = 'Raised'"));
        // Exactly one node's store accepted the raise: only that node hands it to its notifier.
        var winner = Assert.Single(stored).Alarm;
        Assert.Equal(winner.Id, Assert.Single(a.Alarms.GetActive()).Id);
        Assert.Equal(winner.Id, Assert.Single(b.Alarms.GetActive()).Id);
    }

    [Fact]
    public async Task AlarmAcknowledgedOnOneNode_CannotBeAcknowledgedAgainOnTheOther_AndItsClearIsStoredOnce()
    {
        await using var database = await ScratchPostgresDatabase.CreateAsync();
        await using var a = new AlarmNode("node-a", database.ConnectionString);
        await using var b = new AlarmNode("node-b", database.ConnectionString);
        a.Alarms.Apply("ups-1", [OnBattery], complete: false);
        await a.FlushAsync();
        await b.Alarms.ReloadAsync(CancellationToken.None);
        var alarm = Assert.Single(b.Alarms.GetActive());

        await b.Alarms.AcknowledgeAsync(alarm.Id, "pengawas@dcops.local", "Pengawas", "On it", CancellationToken.None);
        // Node A has not heard of it (no listener here): the database refuses its second acknowledgement.
        var refused = await Assert.ThrowsAsync<AlarmOperationException>(
            () => a.Alarms.AcknowledgeAsync(alarm.Id, "operator@dcops.local", "Operator", "Me too", CancellationToken.None));
        a.Alarms.Apply("ups-1", [AlarmCondition.Inactive(AlarmKeys.UpsOnBattery)], complete: false);
        b.Alarms.Apply("ups-1", [AlarmCondition.Inactive(AlarmKeys.UpsOnBattery)], complete: false);
        await a.FlushAsync();
        await b.FlushAsync();

        Assert.Equal("AlreadyAcknowledged", refused.MessageKey);
        Assert.Equal("Pengawas", Assert.Single(refused.Arguments));
        var history = await a.Alarms.GetHistoryAsync(new AlarmHistoryFilter(), CancellationToken.None);
        Assert.Equal("pengawas@dcops.local", Assert.Single(history).AcknowledgedBy);
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM monitoring.alarm_events WHERE event = 'Acknowledged'"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM monitoring.alarm_events WHERE event = 'Cleared'"));
        Assert.Empty(a.Alarms.GetActive());
        Assert.Empty(b.Alarms.GetActive());
    }

    [Fact]
    public async Task AlarmEvents_AreAppendOnly_OnPostgreSql()
    {
        await using var database = await ScratchPostgresDatabase.CreateAsync();
        await using var a = new AlarmNode("node-a", database.ConnectionString);
        a.Alarms.Apply("ups-1", [OnBattery], complete: false);
        await a.FlushAsync();

        var update = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync("UPDATE monitoring.alarm_events SET actor = 'someone'"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync("DELETE FROM monitoring.alarm_events"));

        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM monitoring.alarm_events"));
    }
}
