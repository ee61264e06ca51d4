using DataCenterOps.Domain.Evidence;
using DataCenterOps.Monitoring;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Metrics;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Tests.Monitoring.Polling;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataCenterOps.Tests.Monitoring.Cluster;

/// <summary>
/// Two nodes on one real PostgreSQL database: node A is the real app with the simulated room (it polls every
/// device); node B is a monitoring node with no devices and no simulator of its own (it polls nothing). What A polls
/// and raises, B shows; what B acknowledges, A shows.
/// </summary>
public sealed class LiveStateAcrossNodesTests
{
    [Fact]
    public async Task PollOnNodeA_IsInNodeBsLiveStateWithinOneSecond_WithTheSameMetrics()
    {
        await using var database = await ScratchPostgresDatabase.CreateAsync();
        await using var a = await StartNodeAAsync(database);
        using var temp = new TempDirectory();
        using var b = await StartNodeBAsync(database, temp);
        var liveOnB = b.Services.GetRequiredService<LiveStateStore>();
        await a.WaitAllUpAsync();
        await Eventually.TrueAsync(() => liveOnB.GetDevices().Count == a.LiveState.GetDevices().Count, "every device on node B");

        // Every poll of ups-1 on A by its time; B may skip some (the publisher writes a device's latest), never lag.
        var pollsOnA = new System.Collections.Concurrent.ConcurrentDictionary<DateTimeOffset, DeviceSnapshot>();
        var polledOnA = new TaskCompletionSource<DeviceSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var seenOnB = new TaskCompletionSource<DeviceSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onA = a.LiveState.Subscribe(change =>
        {
            if (change.Device.DeviceId == "ups-1" && change.Device.Status.LastPoll is { } at)
            {
                pollsOnA[at] = change.Device;
                polledOnA.TrySetResult(change.Device);
            }
        });
        var polled = await polledOnA.Task.WaitAsync(Eventually.Limit);
        using var onB = liveOnB.Subscribe(change =>
        {
            if (change.Device.DeviceId == "ups-1" && change.Device.Status.LastPoll >= polled.Status.LastPoll)
            {
                seenOnB.TrySetResult(change.Device);
            }
        });
        if (liveOnB.GetDevice("ups-1") is { } already && already.Status.LastPoll >= polled.Status.LastPoll)
        {
            seenOnB.TrySetResult(already);
        }

        var shown = await seenOnB.Task.WaitAsync(TimeSpan.FromSeconds(1));
        var same = pollsOnA[shown.Status.LastPoll!.Value];

        Assert.True(shown.Status.SuccessfulPolls > 0);
        Assert.Equal(same.Points.Select(p => (p.Point, p.Value, p.Text, p.Quality)), shown.Points.Select(p => (p.Point, p.Value, p.Text, p.Quality)));
        // /metrics renders the same numbers for the device on both nodes.
        Assert.Equal(PrometheusExposition.Render([same], []), PrometheusExposition.Render([shown], []));
    }

    [Fact]
    public async Task AlarmRaisedOnNodeA_IsShownOnNodeB_AndAcknowledgedThroughNodeB_IsAcknowledgedOnNodeA()
    {
        await using var database = await ScratchPostgresDatabase.CreateAsync();
        await using var a = await StartNodeAAsync(database);
        using var temp = new TempDirectory();
        using var b = await StartNodeBAsync(database, temp);
        var alarmsOnB = b.Services.GetRequiredService<AlarmService>();
        await a.WaitAllUpAsync();

        a.Simulator.Start(SimulatorScenarios.MainsFailure);
        await Eventually.TrueAsync(() => Find(alarmsOnB) is not null, "ups-1 on battery shown on node B");
        var alarm = Find(alarmsOnB)!;
        await alarmsOnB.AcknowledgeAsync(alarm.Id, "pengawas@dcops.local", "Pengawas", "Genset checked", CancellationToken.None);
        await Eventually.TrueAsync(() => Find(a.Alarms) is { IsAcknowledged: true }, "the acknowledgement on node A");
        var onA = Find(a.Alarms)!;

        Assert.Equal(alarm.Id, onA.Id);
        Assert.Equal("Pengawas", onA.AcknowledgedByName);
        Assert.Equal("Genset checked", onA.AcknowledgeComment);
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM monitoring.alarm_events WHERE alarm_key = 'ups.on_battery' AND device_id = 'ups-1' AND event = 'Raised'"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM monitoring.alarm_events WHERE event = 'Acknowledged' AND node = 'node-b'"));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM monitoring.alarm_events WHERE event <> 'Acknowledged' AND node = 'node-b'"));

        a.Simulator.Stop(SimulatorScenarios.MainsFailure);
        await Eventually.TrueAsync(() => Find(alarmsOnB) is null, "the clear on node B");
    }

    private static Alarm? Find(AlarmService alarms) =>
        alarms.GetActive().FirstOrDefault(x => x is { DeviceId: "ups-1", Key: AlarmKeys.UpsOnBattery });

    private static Task<SimulatedRoomHost> StartNodeAAsync(ScratchPostgresDatabase database) =>
        SimulatedRoomHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:DataCenterOps"] = database.ConnectionString,
            ["Evidence:Key"] = Convert.ToBase64String(EvidenceKey.NewKeyBytes()),
            ["Node:Name"] = "node-a",
        });

    // Node B polls nothing: no devices, no simulator, and not a poller node (so node A leases the whole room).
    private static async Task<IHost> StartNodeBAsync(ScratchPostgresDatabase database, TempDirectory temp)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Monitoring:DataDirectory"] = temp.Path,
            ["Monitoring:Traps:Port"] = "0",
            ["Monitoring:PostgreSqlConnectionString"] = database.ConnectionString,
            ["Simulator:Enabled"] = "false",
            ["Node:Name"] = "node-b",
            ["Node:Roles"] = "Web",
        });
        builder.AddMonitoring();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
