using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Monitoring;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>
/// Simulated devices served by the in-process simulator (SNMP UPSs and room sensors on one agent port, Modbus room
/// sensors on one server port) and polled by the real poller: poll duration, the achieved cadence, missed polls,
/// process CPU and memory (the simulator's own work is in the same process, so CPU and memory are upper bounds for the
/// poller). The default run is 200 devices (100 SNMP UPS, 100 Modbus sensors) at 1 s.
/// </summary>
internal static class PollingFigures
{
    /// <summary>One run: how many devices of each kind, their interval, warm-up and measured time.</summary>
    /// <param name="DevicesInCode">
    /// The devices given to the options in code (PostConfigure) rather than as configuration keys: the configuration
    /// binder looks up each list element's keys by scanning every key, so binding 10,000 devices from configuration takes
    /// many minutes at start (see the scale results); this measures the poller, not the binder.
    /// </param>
    /// <param name="DevicesFile">
    /// The devices written to one JSON file named by <c>Monitoring:DevicesFile</c> and <c>Simulator:DevicesFile</c>, the way
    /// a large site lists them; the host's start time (build and start) is then a figure.
    /// </param>
    internal sealed record Run(
        int SnmpUps, int SnmpEnvironment, int ModbusEnvironment, double IntervalSeconds, TimeSpan Warmup, TimeSpan Measure, string TickInterval,
        bool DevicesInCode = false, bool DevicesFile = false)
    {
        public int Devices => SnmpUps + SnmpEnvironment + ModbusEnvironment;
    }

    private static readonly Run Default = new(100, 0, 100, 1, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), "00:00:00.500");

    public static Task<IReadOnlyList<Figure>> RunAsync(string directory, CancellationToken cancellationToken) => RunAsync(directory, Default, cancellationToken);

    public static async Task<IReadOnlyList<Figure>> RunAsync(string directory, Run run, CancellationToken cancellationToken)
    {
        var starting = Stopwatch.StartNew();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(Settings(directory, run, out var simulated, out var polled));
        builder.AddMonitoring();
        if (run.DevicesInCode)
        {
            builder.Services.PostConfigure<MonitoringOptions>(o => o.Devices.AddRange(polled));
            builder.Services.PostConfigure<SimulatorOptions>(o => o.Devices.AddRange(simulated));
        }

        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var started = starting.Elapsed;
        var live = host.Services.GetRequiredService<LiveStateStore>();
        await Task.Delay(run.Warmup, cancellationToken);
        using var pool = new ThreadPoolSampler(TimeSpan.FromMilliseconds(250));

        var durations = new List<double>();
        var gaps = new List<double>();
        var lastSuccess = new Dictionary<string, DateTimeOffset>();
        var gate = new Lock();
        var measuring = false;
        using var feed = live.Subscribe(change =>
        {
            var status = change.Device.Status;
            lock (gate)
            {
                if (!measuring || status.LastPollDuration is not { } duration)
                {
                    return;
                }

                durations.Add(duration.TotalMilliseconds);
                if (status.LastSuccess is { } at && status.ConsecutiveMisses == 0)
                {
                    if (lastSuccess.TryGetValue(change.Device.DeviceId, out var previous))
                    {
                        gaps.Add((at - previous).TotalMilliseconds);
                    }

                    lastSuccess[change.Device.DeviceId] = at;
                }
            }
        });

        var before = live.GetDevices().ToDictionary(d => d.DeviceId, d => d.Status);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        lock (gate)
        {
            measuring = true;
        }

        await Task.Delay(run.Measure, cancellationToken);
        lock (gate)
        {
            measuring = false;
        }

        var elapsed = clock.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var after = live.GetDevices();
        var successes = after.Sum(d => d.Status.SuccessfulPolls - before[d.DeviceId].SuccessfulPolls);
        var failures = after.Sum(d => d.Status.FailedPolls - before[d.DeviceId].FailedPolls);
        var lost = after.Count(d => d.Status.ConsecutiveMisses > 0);
        var workingSet = process.WorkingSet64 / 1048576.0;
        var managed = GC.GetTotalMemory(forceFullCollection: false) / 1048576.0;
        var (queueMean, queueMax, threads) = pool.Stop();
        await host.StopAsync(cancellationToken);

        durations.Sort();
        gaps.Sort();
        var devices = run.Devices;
        return
        [
            new Figure($"poll duration, median ({devices} devices, {run.IntervalSeconds:0.#} s interval)", Percentile(durations, 0.5), "ms"),
            new Figure("poll duration, p95", Percentile(durations, 0.95), "ms"),
            new Figure("poll duration, max", durations.Count == 0 ? 0 : durations[^1], "ms"),
            new Figure("time between a device's polls, median (cycle; target = interval)", Percentile(gaps, 0.5), "ms"),
            new Figure("time between a device's polls, p95", Percentile(gaps, 0.95), "ms"),
            new Figure("successful polls per second (expected devices ÷ interval)", successes / elapsed.TotalSeconds, "polls/s"),
            new Figure("missed polls during the run", failures, "polls"),
            new Figure("process CPU, poller + simulator + history writer", cpu.TotalSeconds / elapsed.TotalSeconds * 100 / Environment.ProcessorCount, "% of all cores"),
            new Figure("devices whose last poll failed at the end", lost, "devices"),
            new Figure("process working set at the end (poller + simulator)", workingSet, "MiB"),
            new Figure("managed heap at the end", managed, "MiB"),
            new Figure("thread-pool queue length (work items waiting), mean of 4 samples/s", queueMean, "items"),
            new Figure("thread-pool queue length, max", queueMax, "items"),
            new Figure("thread-pool threads, max", threads, "threads"),
            new Figure(run.DevicesFile ? "host start (build + start; devices from the devices file)" : "host start (build + start)", started.TotalMilliseconds, "ms"),
        ];
    }

    /// <summary>One JSON array, an entry a line, with the fields both the poller and the simulator read.</summary>
    internal static void WriteDevicesFile(string path, IReadOnlyList<DeviceOptions> devices)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("[");
        for (var i = 0; i < devices.Count; i++)
        {
            var d = devices[i];
            var entry = new Dictionary<string, object?>
            {
                ["Id"] = d.Id, ["Name"] = d.Name, ["Kind"] = d.Kind.ToString(), ["Protocol"] = d.Protocol.ToString(), ["Host"] = d.Host,
                ["Port"] = d.Port, ["Profile"] = d.Profile, ["IntervalSeconds"] = d.IntervalSeconds,
            };
            if (d.Community is { } community)
            {
                entry["Community"] = community;
            }

            if (d.UnitId is { } unit)
            {
                entry["UnitId"] = unit;
            }

            writer.Write(System.Text.Json.JsonSerializer.Serialize(entry));
            writer.WriteLine(i < devices.Count - 1 ? "," : "");
        }

        writer.WriteLine("]");
    }

    internal static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static Dictionary<string, string?> Settings(string directory, Run run, out List<SimulatedDeviceOptions> simulated, out List<DeviceOptions> polled)
    {
        simulated = [];
        polled = [];
        int snmpPort, modbusPort;
        using (var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            snmpPort = ((IPEndPoint)udp.LocalEndPoint!).Port;
        }

        var tcp = new TcpListener(IPAddress.Loopback, 0);
        tcp.Start();
        modbusPort = ((IPEndPoint)tcp.LocalEndpoint).Port;
        tcp.Stop();

        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = directory,
            ["Monitoring:DataDirectory"] = directory,
            ["Monitoring:History:DatabaseFile"] = "polling.db",
            ["Simulator:SnmpPort"] = snmpPort.ToString(CultureInfo.InvariantCulture),
            ["Simulator:ModbusPort"] = modbusPort.ToString(CultureInfo.InvariantCulture),
            ["Simulator:TickInterval"] = run.TickInterval,
        };
        var fleet = SimulatedFleet.Create(run.SnmpUps, run.SnmpEnvironment, run.ModbusEnvironment, run.IntervalSeconds, snmpPort, modbusPort);
        if (run.DevicesFile)
        {
            var file = Path.Combine(directory, "devices.json");
            WriteDevicesFile(file, fleet.Polled);
            settings["Monitoring:DevicesFile"] = file;
            settings["Simulator:DevicesFile"] = file;
            return settings;
        }

        if (run.DevicesInCode)
        {
            simulated = [.. fleet.Simulated];
            polled = [.. fleet.Polled];
            return settings;
        }

        for (var i = 0; i < fleet.Polled.Count; i++)
        {
            var device = fleet.Polled[i];
            var snmp = device.Protocol == DeviceProtocol.Snmp;
            var secret = snmp ? device.Community! : device.UnitId!.Value.ToString(CultureInfo.InvariantCulture);
            settings[$"Simulator:Devices:{i}:Id"] = device.Id;
            settings[$"Simulator:Devices:{i}:Profile"] = device.Profile;
            settings[$"Simulator:Devices:{i}:{(snmp ? "Community" : "UnitId")}"] = secret;
            var prefix = $"Monitoring:Devices:{i}:";
            settings[prefix + "Id"] = device.Id;
            settings[prefix + "Name"] = device.Name;
            settings[prefix + "Kind"] = device.Kind.ToString();
            settings[prefix + "Protocol"] = device.Protocol.ToString();
            settings[prefix + "Host"] = device.Host;
            settings[prefix + "Port"] = device.Port.ToString(CultureInfo.InvariantCulture);
            settings[prefix + "Profile"] = device.Profile;
            settings[prefix + "IntervalSeconds"] = run.IntervalSeconds.ToString(CultureInfo.InvariantCulture);
            settings[prefix + (snmp ? "Community" : "UnitId")] = secret;
        }

        return settings;
    }
}
