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
        await Eventually.TrueAsync(() => liveOnB.GetDevices().Count == SimulatedRoomHost.DeviceIds.Length, "every device on node B");

        var polledOnA = new TaskCompletionSource<DeviceSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        DeviceSnapshot? target = null;
        var seenOnB = new TaskCompletionSource<DeviceSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onB = liveOnB.Subscribe(change =>
        {
            if (Volatile.Read(ref target) is { } t && change.Device.DeviceId == t.DeviceId && change.Device.Status.LastPoll == t.Status.LastPoll)
            {
                seenOnB.TrySetResult(change.Device);
            }
        });
        using var onA = a.LiveState.Subscribe(change =>
        {
            if (change.Device.DeviceId == "ups-1" && Interlocked.CompareExchange(ref target, change.Device, null) is null)
            {
                polledOnA.TrySetResult(change.Device);
            }
        });

        var polled = await polledOnA.Task.WaitAsync(Eventually.Limit);
        var shown = await seenOnB.Task.WaitAsync(TimeSpan.FromSeconds(1));

        Assert.True(shown.Status.SuccessfulPolls > 0);
        Assert.Equal(polled.Points.Select(p => (p.Point, p.Value, p.Text, p.Quality)), shown.Points.Select(p => (p.Point, p.Value, p.Text, p.Quality)));
        // /metrics renders the same numbers for the device on both nodes.
        Assert.Equal(PrometheusExposition.Render([polled], []), PrometheusExposition.Render([shown], []));
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

    // Node B polls nothing in today's code: no devices, no simulator (Node:Roles is wired elsewhere).
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
