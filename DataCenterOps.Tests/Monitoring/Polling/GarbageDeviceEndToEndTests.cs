using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Monitoring.Snmp;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Monitoring.Polling;

public sealed class GarbageDeviceEndToEndTests
{
    [Fact]
    public async Task ADeviceAnsweringGarbage_IsRejectedAndCounted_NothingOfItStored_AndItRecovers()
    {
        await using var host = await SimulatedRoomHost.StartAsync();
        await host.WaitAllUpAsync();
        var snmp = host.App.Services.GetRequiredService<SnmpClient>();
        var rejectedBefore = snmp.Statistics.RepliesRejected;
        var failedBefore = host.LiveState.GetDevice("ups-2")!.Status.FailedPolls;

        var from = DateTimeOffset.UtcNow;
        host.Simulator.Start(SimulatorScenarios.DeviceGarbage, "ups-2");
        await Eventually.TrueAsync(() => host.Alarms.GetActive().Any(a => a is { DeviceId: "ups-2", Key: AlarmKeys.CommLost }), "comm_lost for ups-2");
        host.Simulator.Stop(SimulatorScenarios.DeviceGarbage, "ups-2");
        var lastMiss = host.LiveState.GetDevice("ups-2")!.Status.LastPoll!.Value;
        await Eventually.TrueAsync(() => host.LiveState.GetDevice("ups-2")!.Status.IsUp, "ups-2 answers again");
        var firstGood = host.LiveState.GetDevice("ups-2")!.Status.LastSuccess!.Value;

        Assert.True(snmp.Statistics.RepliesRejected > rejectedBefore);
        Assert.True(host.LiveState.GetDevice("ups-2")!.Status.FailedPolls - failedBefore >= 3);
        Assert.Equal(0, await StoredBetweenAsync(host, "ups-2", from.AddSeconds(SimulatedRoomHost.IntervalSeconds), lastMiss));
        Assert.True(firstGood > lastMiss);
    }

    private static async Task<long> StoredBetweenAsync(SimulatedRoomHost host, string deviceId, DateTimeOffset from, DateTimeOffset to)
    {
        var writer = host.App.Services.GetRequiredService<HistoryWriter>();
        await Eventually.TrueAsync(() => writer.Pending == 0, "history buffer drained");
        await using var connection = new SqliteConnection(host.App.Services.GetRequiredService<MonitoringDatabase>().ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM samples s JOIN series r ON r.id = s.series_id WHERE r.device_id = $d AND s.ts > $from AND s.ts <= $to";
        command.Parameters.AddWithValue("$d", deviceId);
        command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
