using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Monitoring;
using DataCenterOps.Monitoring.LiveState;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>
/// 200 simulated devices (100 SNMP UPS, 100 Modbus room sensors) served by the in-process simulator and polled by
/// the real poller every second: poll duration, the achieved cadence, missed polls and process CPU (the simulator's
/// own work is in the same process, so CPU is an upper bound for the poller).
/// </summary>
internal static class PollingFigures
{
    private const int SnmpDevices = 100;
    private const int ModbusDevices = 100;
    private const double IntervalSeconds = 1;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(30);

    public static async Task<IReadOnlyList<Figure>> RunAsync(string directory, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(Settings(directory));
        builder.AddMonitoring();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var live = host.Services.GetRequiredService<LiveStateStore>();
        await Task.Delay(Warmup, cancellationToken);

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

        await Task.Delay(Measure, cancellationToken);
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
        await host.StopAsync(cancellationToken);

        durations.Sort();
        gaps.Sort();
        var devices = SnmpDevices + ModbusDevices;
        return
        [
            new Figure($"poll duration, median ({devices} devices, {IntervalSeconds:0.#} s interval)", Percentile(durations, 0.5), "ms"),
            new Figure("poll duration, p95", Percentile(durations, 0.95), "ms"),
            new Figure("poll duration, max", durations.Count == 0 ? 0 : durations[^1], "ms"),
            new Figure("time between a device's polls, median (cycle; target = interval)", Percentile(gaps, 0.5), "ms"),
            new Figure("time between a device's polls, p95", Percentile(gaps, 0.95), "ms"),
            new Figure("successful polls per second (expected devices ÷ interval)", successes / elapsed.TotalSeconds, "polls/s"),
            new Figure("missed polls during the run", failures, "polls"),
            new Figure("process CPU, poller + simulator + history writer", cpu.TotalSeconds / elapsed.TotalSeconds * 100 / Environment.ProcessorCount, "% of all cores"),
        ];
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static Dictionary<string, string?> Settings(string directory)
    {
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
            ["Simulator:TickInterval"] = "00:00:00.500",
        };
        for (var i = 0; i < SnmpDevices + ModbusDevices; i++)
        {
            var snmp = i < SnmpDevices;
            var id = snmp ? $"ups-{i + 1}" : $"env-{i - SnmpDevices + 1}";
            var profile = snmp ? "ups-rfc1628" : "env-modbus";
            var unit = (i - SnmpDevices + 1).ToString(CultureInfo.InvariantCulture);
            settings[$"Simulator:Devices:{i}:Id"] = id;
            settings[$"Simulator:Devices:{i}:Profile"] = profile;
            settings[$"Simulator:Devices:{i}:{(snmp ? "Community" : "UnitId")}"] = snmp ? id : unit;
            var prefix = $"Monitoring:Devices:{i}:";
            settings[prefix + "Id"] = id;
            settings[prefix + "Name"] = id;
            settings[prefix + "Kind"] = snmp ? "Ups" : "Environment";
            settings[prefix + "Protocol"] = snmp ? "Snmp" : "ModbusTcp";
            settings[prefix + "Host"] = "127.0.0.1";
            settings[prefix + "Port"] = (snmp ? snmpPort : modbusPort).ToString(CultureInfo.InvariantCulture);
            settings[prefix + "Profile"] = profile;
            settings[prefix + "IntervalSeconds"] = IntervalSeconds.ToString(CultureInfo.InvariantCulture);
            settings[prefix + (snmp ? "Community" : "UnitId")] = snmp ? id : unit;
        }

        return settings;
    }
}
