using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Benchmarks.Hosting;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Monitoring.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>
/// <c>e2e two-nodes</c>: 5,000 simulated devices (<c>DCOPS_TWO_NODES_DEVICES</c> for another count; the scale mix) at
/// 10 s, polled by two real app processes (<see cref="WebAppProcess"/>, <c>Node:Name</c> node-a and node-b) sharing one
/// PostgreSQL 15 cluster through poller leases. The devices are commissioned rows in the shared database
/// (<see cref="CommissionedFleet"/>), served by one simulator in this process. After the room has split and a warm-up,
/// each node's <c>/api/v1/devices</c> is sampled every 3 s for 2 minutes, counting only the devices it holds a lease on:
/// per node poll duration, cycle p50/p95, missed polls, CPU and its devices (<c>dcops_node_devices</c>).
/// <c>DCOPS_TWO_NODES_MAX_CONCURRENT_POLLS</c> sets <c>Monitoring:MaxConcurrentPolls</c> on both nodes (default 32).
/// </summary>
public sealed partial class TwoNodeBenchmark : IEndToEndBenchmark
{
    private const double IntervalSeconds = 10;
    private const string ApiKey = "two-nodes-bench-api-key-0123456789";
    private static readonly string[] Nodes = ["node-a", "node-b"];
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Measure = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(3);

    public string Name => "two-nodes";

    public TimeSpan Timeout => TimeSpan.FromMinutes(15);

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("DCOPS_TWO_NODES_DEVICES"), CultureInfo.InvariantCulture, out var n) ? n : 5_000;
        var concurrency = Environment.GetEnvironmentVariable("DCOPS_TWO_NODES_MAX_CONCURRENT_POLLS") is { Length: > 0 } c ? c : null;
        var (ups, env, modbus) = SimulatedFleet.Mix(count);
        var snmpPort = FreePorts.Udp();
        var modbusPort = FreePorts.Tcp();
        var fleet = SimulatedFleet.Create(ups, env, modbus, IntervalSeconds, snmpPort, modbusPort, idPrefix: "tn-");
        var figures = new List<Figure>
        {
            new($"devices: {ups} SNMP UPS + {env} SNMP room sensors + {modbus} Modbus room sensors, 10 s interval, two nodes", count, "devices"),
            new("Monitoring:MaxConcurrentPolls on each node", concurrency is null ? 32 : double.Parse(concurrency, CultureInfo.InvariantCulture), "slots"),
            new("machine load average (1 min) at the start", IngestPostgreSqlBenchmark.LoadAverage(), "runnable tasks"),
        };

        await using var server = await BenchPostgres.StartAsync();
        var database = "dcops_two_nodes_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE {database}", cancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString;
        using var simulator = await StartSimulatorAsync(fleet, snmpPort, modbusPort, cancellationToken);

        var evidenceKey = Convert.ToBase64String(EvidenceKey.NewKeyBytes());
        var root = Dashboard.Browsers.FindRepositoryRoot();
        var apps = Nodes.Select(node => new WebAppProcess(root, environment: NodeEnvironment(node, connectionString, evidenceKey, concurrency), pollSeconds: 10)).ToArray();
        try
        {
            // Node-a alone first: it migrates the schema and makes the data-protection key the communities are protected with.
            var clock = Stopwatch.StartNew();
            await apps[0].StartAsync(cancellationToken);
            figures.Add(new("node-a first start (empty database: migrations)", clock.Elapsed.TotalSeconds, "s"));
            await CommissionedFleet.WriteAsync(connectionString, fleet.Polled, cancellationToken);
            await apps[0].KillAsync(); // Commissioned devices are loaded at start; its leases (configured devices only) expire.

            clock.Restart();
            await Task.WhenAll(apps.Select(a => a.StartAsync(cancellationToken)));
            figures.Add(new($"both nodes started with {count} commissioned devices (in parallel)", clock.Elapsed.TotalSeconds, "s"));

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
            var total = count + apps[0].ConfiguredDevices.Count;
            clock.Restart();
            var split = await WaitForSplitAsync(http, apps[0], total, cancellationToken);
            figures.Add(new("time until both nodes held their share (dcops_node_devices sums to every device)", clock.Elapsed.TotalSeconds, "s"));
            await Task.Delay(Warmup, cancellationToken);

            figures.AddRange(await MeasureAsync(http, apps, connectionString, fleet.Polled.Select(d => d.Id).ToHashSet(StringComparer.Ordinal), cancellationToken));
            var end = NodeDevices(await http.GetStringAsync(apps[1].BaseUrl + "/metrics", cancellationToken));
            foreach (var node in Nodes)
            {
                figures.Add(new($"{node}: dcops_node_devices when split / at the end (configured room included)", split.GetValueOrDefault(node), $"devices / {end.GetValueOrDefault(node)} at the end"));
            }
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
        }

        figures.Add(new("machine load average (1 min) at the end", IngestPostgreSqlBenchmark.LoadAverage(), "runnable tasks"));
        return figures;
    }

    private static async Task<List<Figure>> MeasureAsync(
        HttpClient http, WebAppProcess[] apps, string connectionString, HashSet<string> benchDevices, CancellationToken cancellationToken)
    {
        var samples = Nodes.Select(_ => new NodePollSamples()).ToArray();
        var ownersBefore = await OwnersAsync(connectionString, cancellationToken);
        var cpuBefore = apps.Select(a => CpuSeconds(a.ProcessId)).ToArray();
        var clock = Stopwatch.StartNew();
        var sampleMs = new List<double>();
        TimeSpan? first = null;
        var last = TimeSpan.Zero;
        while (clock.Elapsed < Measure)
        {
            var owners = await OwnersAsync(connectionString, cancellationToken);
            for (var i = 0; i < apps.Length; i++)
            {
                var owned = owners.Where(o => o.Value == Nodes[i] && benchDevices.Contains(o.Key)).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
                var started = Stopwatch.StartNew();
                await using var stream = await http.GetStreamAsync(apps[i].BaseUrl + "/api/v1/devices", cancellationToken);
                using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
                sampleMs.Add(started.Elapsed.TotalMilliseconds);
                samples[i].Add(json.RootElement, owned);
            }

            // Polls are seen from the first sample (the baseline) to the last: that is the window they are counted over.
            first ??= clock.Elapsed;
            last = clock.Elapsed;

            var wait = SampleEvery - TimeSpan.FromMilliseconds(clock.Elapsed.TotalMilliseconds % SampleEvery.TotalMilliseconds);
            await Task.Delay(wait, cancellationToken);
        }

        var cpuElapsed = clock.Elapsed.TotalSeconds;
        var elapsed = (last - first!.Value).TotalSeconds;
        var cpu = apps.Select((a, i) => CpuSeconds(a.ProcessId) - cpuBefore[i]).ToArray();
        var ownersAfter = await OwnersAsync(connectionString, cancellationToken);
        var moved = ownersBefore.Count(o => benchDevices.Contains(o.Key) && ownersAfter.GetValueOrDefault(o.Key) != o.Value);
        sampleMs.Sort();

        var figures = new List<Figure>();
        for (var i = 0; i < apps.Length; i++)
        {
            var node = Nodes[i];
            var s = samples[i];
            s.Durations.Sort();
            s.Gaps.Sort();
            var owned = ownersAfter.Count(o => o.Value == node && benchDevices.Contains(o.Key));
            var expected = owned * elapsed / IntervalSeconds;
            figures.Add(new($"{node}: simulated devices leased (at the end)", owned, "devices"));
            figures.Add(new($"{node}: poll duration, median", PollingFigures.Percentile(s.Durations, 0.5), "ms"));
            figures.Add(new($"{node}: poll duration, p95", PollingFigures.Percentile(s.Durations, 0.95), "ms"));
            figures.Add(new($"{node}: time between a device's polls, median (cycle; target = interval)", PollingFigures.Percentile(s.Gaps, 0.5), "ms"));
            figures.Add(new($"{node}: time between a device's polls, p95", PollingFigures.Percentile(s.Gaps, 0.95), "ms"));
            figures.Add(new($"{node}: successful polls per second (expected devices ÷ interval = {owned / IntervalSeconds:0})", s.Successes / elapsed, "polls/s"));
            figures.Add(new($"{node}: failed polls (timeouts, errors)", s.Failures, "polls"));
            figures.Add(new($"{node}: polls short of the schedule (devices × {elapsed:0} s sampled ÷ interval − polls seen)", Math.Max(0, expected - s.Successes - s.Failures), "polls"));
            figures.Add(new($"{node}: process CPU during the {Measure.TotalMinutes:0} minutes", cpu[i], "CPU s"));
            figures.Add(new($"{node}: process CPU, share of all {Environment.ProcessorCount} cores", cpu[i] / cpuElapsed * 100 / System.Environment.ProcessorCount, "%"));
            figures.Add(new($"{node}: private memory at the end", apps[i].PrivateBytes() / 1048576.0, "MiB"));
        }

        figures.Add(new("simulated devices whose lease moved between nodes during the measurement", moved, "devices"));
        figures.Add(new("/api/v1/devices answer (the sampling itself), median", PollingFigures.Percentile(sampleMs, 0.5), "ms"));
        return figures;
    }

    private static Dictionary<string, string> NodeEnvironment(string node, string connectionString, string evidenceKey, string? concurrency)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Node__Name"] = node,
            ["Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__DataCenterOps"] = connectionString,
            ["Evidence__Key"] = evidenceKey,
            ["Api__ApiKey"] = ApiKey,
            ["Bootstrap__SeedDemoData"] = "false",
            ["Hangfire__Enabled"] = "false",
        };
        if (concurrency is not null)
        {
            environment["Monitoring__MaxConcurrentPolls"] = concurrency;
        }

        return environment;
    }

    private static async Task<IHost> StartSimulatorAsync(SimulatedFleet fleet, int snmpPort, int modbusPort, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:SnmpPort"] = snmpPort.ToString(CultureInfo.InvariantCulture),
            ["Simulator:ModbusPort"] = modbusPort.ToString(CultureInfo.InvariantCulture),
            ["Simulator:TickInterval"] = "00:00:05",
            ["Simulator:TrapSinks:0"] = "",
        });
        builder.Services.AddSimulator(builder.Configuration);
        builder.Services.PostConfigure<SimulatorOptions>(o => o.Devices.AddRange(fleet.Simulated));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    private static async Task<Dictionary<string, int>> WaitForSplitAsync(HttpClient http, WebAppProcess app, int total, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var counts = NodeDevices(await http.GetStringAsync(app.BaseUrl + "/metrics", cancellationToken));
            if (Nodes.All(counts.ContainsKey) && counts.Where(c => Nodes.Contains(c.Key)).Sum(c => c.Value) == total)
            {
                return counts;
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(4))
            {
                throw new TimeoutException($"The devices did not split between the nodes: {string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}"))} of {total}.");
            }

            await Task.Delay(1000, cancellationToken);
        }
    }

    private static async Task<Dictionary<string, string>> OwnersAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT device_id, owner_node FROM monitoring.device_leases WHERE owner_node IS NOT NULL AND expires_at > now()", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            owners[reader.GetString(0)] = reader.GetString(1);
        }

        return owners;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>User + system CPU seconds of a process, from /proc/PID/stat (clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int? processId)
    {
        if (processId is not { } pid)
        {
            return 0;
        }

        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static Dictionary<string, int> NodeDevices(string metrics) =>
        NodeDevicesLine().Matches(metrics).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    [GeneratedRegex("""^dcops_node_devices\{node="([^"]+)"\} (\d+)$""", RegexOptions.Multiline)]
    private static partial Regex NodeDevicesLine();
}
