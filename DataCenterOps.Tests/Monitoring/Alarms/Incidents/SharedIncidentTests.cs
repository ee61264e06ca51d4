using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Tests.Monitoring.Cluster;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DataCenterOps.Tests.Monitoring.Alarms.Incidents;

/// <summary>
/// An open incident is shared: one per rule and site in the store, joined by whichever node raises a child, continued
/// after a restart; its opening and its closing are notified once. On a real monitoring.db and on the tests' PostgreSQL 15.
/// </summary>
public abstract class SharedIncidentTests
{
    private protected abstract Task<Stores> CreateStoresAsync();

    [Fact]
    public async Task Restart_ContinuesTheOpenIncident_TheChildJoinsIt_AndItIsNotifiedOnceOpenedAndOnceResolved()
    {
        await using var stores = await CreateStoresAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var before = await IncidentNode.StartAsync(stores.Alarms("node-a"), stores.Incidents(), time);
        before.Raise("genset-1", AlarmKeys.MainsFailed);
        Assert.Equal([AlarmNoticeKind.IncidentOpened], (await before.SettleAsync()).Select(n => n.Kind));
        await before.DisposeAsync();

        await using var after = await IncidentNode.StartAsync(stores.Alarms("node-a"), stores.Incidents(), time);
        var continued = Assert.Single(after.Engine.OpenIncidents());
        after.Raise("ups-1", AlarmKeys.UpsOnBattery);
        Assert.Empty(await after.SettleAsync());
        Assert.Equal(continued.Id, after.Engine.FlagsOf(after.Alarms.GetActive().Single(a => a.Key == AlarmKeys.UpsOnBattery)).IncidentId);

        after.Clear("genset-1", AlarmKeys.MainsFailed);
        Assert.Empty(await after.SettleAsync());
        after.Clear("ups-1", AlarmKeys.UpsOnBattery);
        var resolved = Assert.Single(await after.SettleAsync());
        Assert.Equal(AlarmNoticeKind.IncidentResolved, resolved.Kind);

        var incident = Assert.Single(await after.Incidents.ListAsync(new IncidentFilter(), CancellationToken.None));
        Assert.Equal(continued.Id, incident.Id);
        Assert.Equal(IncidentState.Closed, incident.State);
        Assert.Equal(2, incident.AlarmCount);
    }

    [Fact]
    public async Task Restart_ClosesAnOpenIncidentWhoseAlarmsClearedWhileTheNodeWasDown_AndSaysSoOnce()
    {
        await using var stores = await CreateStoresAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var before = await IncidentNode.StartAsync(stores.Alarms("node-a"), stores.Incidents(), time);
        before.Raise("genset-1", AlarmKeys.MainsFailed);
        await before.SettleAsync();
        // The clear is stored, but the node dies before its notification loop sees it.
        before.Clear("genset-1", AlarmKeys.MainsFailed);
        await before.Alarms.GetHistoryAsync(new AlarmHistoryFilter(Limit: 1), CancellationToken.None);
        await before.DisposeAsync();

        await using var after = await IncidentNode.StartAsync(stores.Alarms("node-a"), stores.Incidents(), time);
        Assert.Empty(after.Engine.OpenIncidents());
        after.Raise("ups-1", AlarmKeys.UpsOnBattery);
        var sent = await after.SettleAsync();

        var incidents = await after.Incidents.ListAsync(new IncidentFilter(), CancellationToken.None);
        Assert.Equal(2, incidents.Count);
        Assert.Single(incidents, i => i.State == IncidentState.Closed);
        // The old one is closed at start and said so; the new power incident is a new one, opened (and notified) once.
        Assert.Equal([AlarmNoticeKind.IncidentResolved, AlarmNoticeKind.IncidentOpened], after.Sent.Select(n => n.Kind));
        Assert.Equal(incidents.Single(i => i.State == IncidentState.Closed).Id, after.Sent[0].Incident!.Id);
        Assert.Equal(incidents.Single(i => i.State == IncidentState.Open).Id, Assert.Single(sent).Incident!.Id);
    }

    [Fact]
    public async Task OneOpenIncidentPerRuleAndSite_IsAStoreConstraint_AndOpenOrJoinReturnsTheOneOpen()
    {
        await using var stores = await CreateStoresAsync();
        var store = stores.Incidents();
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var first = await store.OpenOrJoinAsync(new Incident(Guid.CreateVersion7(at), "power.mains_failure", "power", at, null, AlarmSeverity.Critical, []) { Site = "DC-KALTIM" }, CancellationToken.None);
        var second = await stores.Incidents().OpenOrJoinAsync(new Incident(Guid.CreateVersion7(at.AddSeconds(1)), "power.mains_failure", "power", at.AddSeconds(1), null, AlarmSeverity.Critical, []) { Site = "DC-KALTIM" }, CancellationToken.None);
        var otherSite = await store.OpenOrJoinAsync(new Incident(Guid.CreateVersion7(at), "power.mains_failure", "power", at, null, AlarmSeverity.Critical, []) { Site = "DC-KUKAR" }, CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.Id, otherSite.Id);
        await Assert.ThrowsAnyAsync<Exception>(() => stores.ExecuteAsync(
            $"INSERT INTO {stores.Prefix}incidents (id, rule, category, opened_at, severity, site) VALUES ('{Guid.NewGuid()}', 'power.mains_failure', 'power', {stores.Time(at)}, 'Critical', 'DC-KALTIM')"));
        Assert.True(await store.ClaimNoticeAsync(first.Id, AlarmNoticeKind.IncidentOpened, CancellationToken.None));
        Assert.False(await stores.Incidents().ClaimNoticeAsync(first.Id, AlarmNoticeKind.IncidentOpened, CancellationToken.None));
    }

    [Fact]
    public async Task SameRuleAtTwoSites_IsTwoIncidents()
    {
        await using var stores = await CreateStoresAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var node = await IncidentNode.StartAsync(stores.Alarms("node-a"), stores.Incidents(), time,
            deviceId => deviceId.EndsWith("-kukar", StringComparison.Ordinal) ? "DC-KUKAR" : "DC-KALTIM");
        node.Raise("genset-1", AlarmKeys.MainsFailed);
        node.Raise("ups-kukar", AlarmKeys.UpsOnBattery);
        node.Raise("ups-1", AlarmKeys.UpsOnBattery);
        var sent = await node.SettleAsync();

        Assert.Equal(2, sent.Count(n => n.Kind == AlarmNoticeKind.IncidentOpened));
        var open = await node.Incidents.ListAsync(new IncidentFilter(State: IncidentState.Open), CancellationToken.None);
        Assert.Equal([1, 2], open.Select(i => i.AlarmCount).Order());
    }

    /// <summary>Store factories over one database: each call is a new store object, as on another node or after a restart.</summary>
    private protected sealed class Stores(Func<string, IAlarmStore> alarms, Func<IIncidentStore> incidents, Func<string, Task> execute, string prefix, Func<DateTimeOffset, string> time, Func<ValueTask> dispose) : IAsyncDisposable
    {
        public string Prefix => prefix;

        public IAlarmStore Alarms(string node) => alarms(node);

        public IIncidentStore Incidents() => incidents();

        public Task ExecuteAsync(string sql) => execute(sql);

        public string Time(DateTimeOffset at) => time(at);

        public ValueTask DisposeAsync() => dispose();
    }

    public sealed class Sqlite : SharedIncidentTests
    {
        private protected override Task<Stores> CreateStoresAsync()
        {
            var temp = new TempDirectory();
            MonitoringDatabase Open() => new(Options.Create(new MonitoringOptions { DataDirectory = temp.Path }));
            return Task.FromResult(new Stores(
                _ => new AlarmStore(Open()),
                () => new SqliteIncidentStore(Open()),
                async sql =>
                {
                    await using var connection = await Open().OpenAsync(CancellationToken.None);
                    await using var command = connection.CreateCommand();
                    command.CommandText = sql;
                    await command.ExecuteNonQueryAsync();
                },
                "",
                at => at.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                () =>
                {
                    SqliteConnection.ClearAllPools();
                    temp.Dispose();
                    return ValueTask.CompletedTask;
                }));
        }
    }

    public sealed class PostgreSql : SharedIncidentTests
    {
        /// <summary>Two nodes' pollers on one database: mains failed seen by node A, the UPS on battery by node B.</summary>
        [Fact]
        public async Task ParentOnOneNode_ChildOnAnother_IsOneIncident_OpenedOnceAndResolvedOnce_WhenTheLastAlarmClears()
        {
            await using var stores = await CreateStoresAsync();
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
            await using var a = await IncidentNode.StartAsync(stores.Alarms("node-a"), stores.Incidents(), time);
            await using var b = await IncidentNode.StartAsync(stores.Alarms("node-b"), stores.Incidents(), time);

            a.Raise("genset-1", AlarmKeys.MainsFailed);
            await a.SettleAsync();
            b.Raise("ups-1", AlarmKeys.UpsOnBattery);
            await b.SettleAsync();
            var open = Assert.Single(await a.Incidents.ListAsync(new IncidentFilter(State: IncidentState.Open), CancellationToken.None));
            Assert.Equal(2, open.AlarmCount);

            // Node A's alarm clears first: node B's is still active, so the incident stays open and nobody says resolved.
            a.Clear("genset-1", AlarmKeys.MainsFailed);
            await a.SettleAsync();
            Assert.Equal(IncidentState.Open, (await a.Incidents.ListAsync(new IncidentFilter(), CancellationToken.None)).Single().State);
            b.Clear("ups-1", AlarmKeys.UpsOnBattery);
            await b.SettleAsync();

            var closed = Assert.Single(await b.Incidents.ListAsync(new IncidentFilter(), CancellationToken.None));
            Assert.Equal(open.Id, closed.Id);
            Assert.Equal(IncidentState.Closed, closed.State);
            var notices = a.Sent.Concat(b.Sent).ToList();
            Assert.Equal([AlarmNoticeKind.IncidentOpened, AlarmNoticeKind.IncidentResolved], notices.Select(n => n.Kind));
            Assert.All(notices, n => Assert.Equal(open.Id, n.Incident!.Id));
        }

        /// <summary>Both nodes raise a parent at once: the constraint lets one incident open, the other node joins it.</summary>
        [Fact]
        public async Task ParentsOnTwoNodesAtOnce_AreOneIncident_NotifiedOnce()
        {
            await using var stores = await CreateStoresAsync();
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
            await using var a = await IncidentNode.StartAsync(stores.Alarms("node-a"), stores.Incidents(), time);
            await using var b = await IncidentNode.StartAsync(stores.Alarms("node-b"), stores.Incidents(), time);

            a.Raise("genset-1", AlarmKeys.MainsFailed);
            b.Raise("ups-2", AlarmKeys.UpsOnBattery);
            var sent = (await Task.WhenAll(a.SettleAsync(), b.SettleAsync())).SelectMany(n => n).ToList();

            var incident = Assert.Single(await a.Incidents.ListAsync(new IncidentFilter(), CancellationToken.None));
            Assert.Equal(2, incident.AlarmCount);
            Assert.Equal(incident.Id, Assert.Single(sent, n => n.Kind == AlarmNoticeKind.IncidentOpened).Incident!.Id);
        }

        private protected override async Task<Stores> CreateStoresAsync()
        {
            var scratch = await ScratchPostgresDatabase.CreateAsync();
            var shared = new SharedDatabase(Options.Create(new MonitoringOptions { PostgreSqlConnectionString = scratch.ConnectionString }));
            return new Stores(
                node => new PostgreSqlAlarmStore(shared, Options.Create(new NodeOptions { Name = node })),
                () => new PostgreSqlIncidentStore(shared),
                scratch.ExecuteAsync,
                "monitoring.",
                at => $"'{at.UtcDateTime:O}'::timestamptz",
                async () =>
                {
                    await shared.DisposeAsync();
                    NpgsqlConnection.ClearAllPools();
                    await scratch.DisposeAsync();
                });
        }
    }
}
