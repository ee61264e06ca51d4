using System.Diagnostics;
using System.Globalization;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DataCenterOps.Tests.Web.Storage;

/// <summary>
/// Two app processes (node-a, node-b) on one PostgreSQL database, polling one simulated room (a third process,
/// <c>simulate</c>, so the room outlives a node): the devices split between the nodes, and after <c>kill -9</c> of
/// node-a node-b polls all of them within 30 s. History is still in each node's own monitoring.db, so "no reading
/// written twice" is checked there: no sample in both files, and per device node-a's samples all precede node-b's.
/// </summary>
public sealed class PollerFailoverProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Takeover = TimeSpan.FromSeconds(30);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "dcops-tests", "failover-" + Guid.NewGuid().ToString("N"));
    private readonly string _database = "dcops_failover_" + Guid.NewGuid().ToString("N");
    private readonly int _snmp = FreePorts.Udp();
    private readonly int _modbus = FreePorts.Tcp();
    private readonly List<AppProcess> _processes = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private string _connection = "";

    public async Task InitializeAsync()
    {
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{_database}\"");
        _connection = await PostgresServer.ConnectionStringAsync(_database);
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        _http.Dispose();
        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
        await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    [Fact]
    public async Task EveryDeviceIsPolledByExactlyOneNode_AndAKilledNodesDevicesMoveToTheOther_WithNoReadingTwice()
    {
        var deviceCount = WebAppFactory.ConfiguredDeviceProtocols().Count();
        var key = Convert.ToBase64String(EvidenceKey.NewKeyBytes());
        Track(AppProcess.Start(null, ["simulate", $"--Simulator:SnmpPort={_snmp}", $"--Simulator:ModbusPort={_modbus}", "--Logging:LogLevel:Default=Warning"]));
        var a = Track(Node("node-a", key));
        await WaitForAsync(a, TimeSpan.FromSeconds(300), m => AppProcess.NodeDevices(m).GetValueOrDefault("node-a") == deviceCount, "node-a to hold the room alone");
        var b = Track(Node("node-b", key));

        // Both live: every device has exactly one node, and both nodes' /metrics say the same.
        var split = await WaitForAsync(b, TimeSpan.FromSeconds(300), m => AppProcess.NodeDevices(m) is { Count: 2 } n && n.Values.All(v => v > 0) && n.Values.Sum() == deviceCount, "the room to split between node-a and node-b");
        var counts = AppProcess.NodeDevices(split);
        Assert.InRange(counts["node-b"], deviceCount / 2, (deviceCount + 1) / 2);
        Assert.Equal(counts.Values.Sum(), AppProcess.NodeDevices((await a.MetricsAsync(_http))!).Values.Sum());
        Assert.Equal(deviceCount, await ScalarAsync("SELECT count(DISTINCT device_id) FROM monitoring.device_leases WHERE owner_node IN ('node-a', 'node-b') AND expires_at > now()"));
        // Live state is shared: node-b shows its own share and node-a's devices alike.
        await WaitForAsync(b, TimeSpan.FromSeconds(120), m => AppProcess.DevicesUp(m).Count == deviceCount, "node-b to show every device up");
        var epochsBefore = (await EpochsAsync()).Where(e => e.Value.Owner == "node-a").ToDictionary(e => e.Key, e => e.Value.Epoch, StringComparer.Ordinal);

        a.KillHard();
        var killedAt = DateTimeOffset.UtcNow;
        var killed = Stopwatch.StartNew();
        var after = await WaitForAsync(b, Takeover, m => AppProcess.NodeDevices(m) is { Count: 1 } n && n.GetValueOrDefault("node-b") == deviceCount && AppProcess.DevicesUp(m).Count == deviceCount, "node-b to poll every device after node-a was killed");
        var tookOver = killed.Elapsed;

        // Node-b records node-a's devices from now on (live state alone could be node-a's last replica).
        var recording = Stopwatch.StartNew();
        while (await AnyNotRecordedSinceAsync(epochsBefore.Keys, killedAt) && recording.Elapsed < Takeover)
        {
            await Task.Delay(500);
        }

        b.Dispose();

        Assert.True(tookOver < Takeover, $"takeover took {tookOver}");
        Assert.Equal(deviceCount, AppProcess.DevicesUp(after).Count);
        var epochsAfter = await EpochsAsync();
        Assert.NotEmpty(epochsBefore);
        Assert.All(epochsBefore, e => Assert.Equal(((string?)"node-b", e.Value + 1), epochsAfter[e.Key])); // node-a's devices: taken over once, epoch raised
        // History is in the shared database: every reading once, and node-a's devices kept being recorded after the kill.
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM (SELECT series_id, ts FROM monitoring.history_samples GROUP BY series_id, ts HAVING count(*) > 1) twice"));
        foreach (var device in epochsBefore.Keys)
        {
            Assert.True(await RecordedSinceAsync(device, killedAt) > 0, $"{device}: nothing recorded after node-a was killed");
        }
    }

    private async Task<bool> AnyNotRecordedSinceAsync(IEnumerable<string> devices, DateTimeOffset since)
    {
        foreach (var device in devices)
        {
            if (await RecordedSinceAsync(device, since) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private Task<long> RecordedSinceAsync(string device, DateTimeOffset since) => ScalarAsync($"""
        SELECT count(*) FROM monitoring.history_samples s JOIN monitoring.history_series r ON r.id = s.series_id
        WHERE r.device_id = '{device}' AND s.ts > '{since:O}'
        """);

    private AppProcess Node(string name, string evidenceKey)
    {
        var web = FreePorts.Tcp();
        var arguments = new List<string>
        {
            $"--Urls=http://127.0.0.1:{web}",
            $"--Node:Name={name}",
            "--Storage:Provider=PostgreSql",
            $"--ConnectionStrings:DataCenterOps={_connection}",
            $"--Storage:DataDirectory={Path.Combine(_root, name)}",
            $"--Evidence:Key={evidenceKey}",
            "--Simulator:Enabled=false",
            "--Monitoring:Traps:Port=0",
            "--Bootstrap:AdminPassword=Failover-Admin-2026",
            "--Bootstrap:SeedDemoData=false",
            "--Hangfire:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
        };
        foreach (var (index, protocol) in WebAppFactory.ConfiguredDeviceProtocols())
        {
            arguments.Add($"--Monitoring:Devices:{index}:Port={(protocol == "Snmp" ? _snmp : _modbus).ToString(CultureInfo.InvariantCulture)}");
        }

        return AppProcess.Start(web, arguments);
    }

    private AppProcess Track(AppProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private async Task<string> WaitForAsync(AppProcess node, TimeSpan limit, Func<string, bool> done, string what)
    {
        var watch = Stopwatch.StartNew();
        string? last = null;
        while (watch.Elapsed < limit)
        {
            Assert.False(node.HasExited, $"the node stopped: {node.Tail}");
            last = await node.MetricsAsync(_http);
            if (last is not null && done(last))
            {
                return last;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"Waited {limit} for {what}; last /metrics:\n{last}\nlast output:\n{node.Tail}");
        return "";
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<Dictionary<string, (string? Owner, long Epoch)>> EpochsAsync()
    {
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT device_id, owner_node, epoch FROM monitoring.device_leases", connection);
        var epochs = new Dictionary<string, (string?, long)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            epochs[reader.GetString(0)] = (reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2));
        }

        return epochs;
    }

}
