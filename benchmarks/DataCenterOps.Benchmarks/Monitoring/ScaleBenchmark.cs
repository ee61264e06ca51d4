using System.Globalization;
using DataCenterOps.Benchmarks.EndToEnd;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>
/// <c>e2e scale</c>: one node polling 10,000 simulated devices at 10 s (<c>DCOPS_SCALE_DEVICES</c> for another count) —
/// 30 % SNMP UPSs, the rest SNMP room sensors on the simulator's agent port, and 247 Modbus room sensors (every unit id of
/// its server port) — for 3 minutes after a 30-second warm-up: cycle, missed polls, CPU and memory, with the load average.
/// The devices are listed in a devices file (<c>Monitoring:DevicesFile</c>, <c>Simulator:DevicesFile</c>), as a large site
/// lists them: from configuration keys the binder alone takes many minutes at start.
/// </summary>
public sealed class ScaleBenchmark : IEndToEndBenchmark
{
    public string Name => "scale";

    public TimeSpan Timeout => TimeSpan.FromMinutes(15);

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var devices = int.TryParse(Environment.GetEnvironmentVariable("DCOPS_SCALE_DEVICES"), CultureInfo.InvariantCulture, out var n) ? n : 10_000;
        var (ups, _, modbus) = SimulatedFleet.Mix(devices);
        var run = new PollingFigures.Run(ups, devices - modbus - ups, modbus, 10, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(3), "00:00:05", DevicesFile: true);
        var figures = new List<Figure>
        {
            new($"devices: {ups} SNMP UPS + {devices - modbus - ups} SNMP room sensors + {modbus} Modbus room sensors, 10 s interval", devices, "devices"),
            new("machine load average (1 min) at the start", IngestPostgreSqlBenchmark.LoadAverage(), "runnable tasks"),
        };
        var directory = Directory.CreateTempSubdirectory("dcops-bench-scale-").FullName;
        try
        {
            figures.AddRange(await PollingFigures.RunAsync(directory, run, cancellationToken));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        figures.Add(new("machine load average (1 min) at the end", IngestPostgreSqlBenchmark.LoadAverage(), "runnable tasks"));
        return figures;
    }
}
