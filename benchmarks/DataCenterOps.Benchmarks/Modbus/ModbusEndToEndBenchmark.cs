using System.Diagnostics;
using System.Globalization;
using System.Net;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Modbus.Server;

namespace DataCenterOps.Benchmarks.Modbus;

/// <summary>
/// Reads of 125 holding registers per second, one connection, one request at a time: our client and
/// pymodbus' synchronous client, each against the pymodbus server and against our simulator server.
/// The machine is shared, so each pairing runs in several interleaved rounds and both the median and
/// the best round are reported, beside the load average at the start.
/// </summary>
public sealed class ModbusEndToEndBenchmark : IEndToEndBenchmark
{
    private const int Reads = 2000;
    private const int WarmUp = 300;
    private const int Rounds = 5;

    public string Name => "modbus";

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var root = FindRepositoryRoot();
        var serverScript = Path.Combine(root, "DataCenterOps.Tests", "Monitoring", "Modbus", "Fixtures", "pymodbus_gencomm_server.py");
        var readerScript = Path.Combine(root, "benchmarks", "DataCenterOps.Benchmarks", "Modbus", "pymodbus_reader.py");

        await using var pymodbusServer = await PythonPeer.StartServerAsync(serverScript, cancellationToken);
        await using var ourServer = await StartOurServerAsync(cancellationToken);
        var figures = new List<Figure> { new("load average (1 min) at start", LoadAverage(), "") };
        foreach (var (serverName, port) in new[] { ("pymodbus server", pymodbusServer.Port), ("our server", ourServer.LocalEndpoint.Port) })
        {
            var ours = new List<double>();
            var theirs = new List<double>();
            var bytesPerRead = 0.0;
            for (var round = 0; round < Rounds; round++)
            {
                var (rate, allocated) = await OurClientAsync(port, cancellationToken);
                ours.Add(rate);
                bytesPerRead = allocated;
                theirs.Add(await PymodbusClientAsync(readerScript, port, cancellationToken));
            }

            figures.Add(new Figure($"125-register reads, our client → {serverName}, median of {Rounds}", Median(ours), "reads/s"));
            figures.Add(new Figure($"125-register reads, pymodbus client → {serverName}, median of {Rounds}", Median(theirs), "reads/s"));
            figures.Add(new Figure($"125-register reads, our client → {serverName}, best round", ours.Max(), "reads/s"));
            figures.Add(new Figure($"125-register reads, pymodbus client → {serverName}, best round", theirs.Max(), "reads/s"));
            if (serverName == "pymodbus server")
            {
                // Counted process-wide, so only meaningful while our own server is not in the process's path.
                figures.Add(new Figure("our client, bytes allocated per read", bytesPerRead, "bytes"));
            }
        }

        return figures;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static double LoadAverage()
    {
        var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : "0";
        return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static async Task<ModbusTcpServer> StartOurServerAsync(CancellationToken cancellationToken)
    {
        var bank = new ModbusRegisterBank();
        for (var i = 0; i < 1000; i++)
        {
            bank.SetRegister(ModbusTable.HoldingRegisters, (ushort)i, (ushort)((i * 7) + 3));
        }

        var units = new ModbusUnitMap();
        units.Set(1, bank);
        var server = new ModbusTcpServer(new IPEndPoint(IPAddress.Loopback, 0), units);
        await server.StartAsync(cancellationToken);
        return server;
    }

    private static async Task<(double ReadsPerSecond, double BytesPerRead)> OurClientAsync(int port, CancellationToken cancellationToken)
    {
        await using var client = new ModbusTcpClient(new ModbusEndpointOptions { Host = "127.0.0.1", Port = port, Timeout = TimeSpan.FromSeconds(5) });
        for (var i = 0; i < WarmUp; i++)
        {
            await client.ReadHoldingRegistersAsync(1, 0, 125, cancellationToken);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Reads; i++)
        {
            var values = await client.ReadHoldingRegistersAsync(1, (ushort)(i % 8 * 125), 125, cancellationToken);
            if (values.Length != 125)
            {
                throw new InvalidOperationException("Short read.");
            }
        }

        clock.Stop();
        return (Reads / clock.Elapsed.TotalSeconds, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)Reads);
    }

    private static async Task<double> PymodbusClientAsync(string readerScript, int port, CancellationToken cancellationToken)
    {
        var output = await PythonPeer.RunAsync(readerScript, [port.ToString(CultureInfo.InvariantCulture), Reads.ToString(CultureInfo.InvariantCulture)], cancellationToken);
        var parts = output.Trim().Split(' ');
        return double.Parse(parts[0], CultureInfo.InvariantCulture) / double.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataCenterOps.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
