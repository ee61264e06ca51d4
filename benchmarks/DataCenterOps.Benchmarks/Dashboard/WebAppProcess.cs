using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace DataCenterOps.Benchmarks.Dashboard;

/// <summary>
/// The real application as its own process (`dotnet DataCenterOps.Web.dll` from the Release build), on free loopback
/// ports, a temporary data folder and its simulated room polled every second, so its memory can be read from outside.
/// </summary>
internal sealed class WebAppProcess : IAsyncDisposable
{
    public const string AdminEmail = "bench-admin@dcops.local";
    public const string AdminPassword = "Bench-Admin-2026";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(8);

    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly Queue<string> _lastLines = new();

    private WebAppProcess(Process process, string dataDirectory, string baseUrl)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>Starts the app; <paramref name="settings"/> are extra configuration (environment variables, <c>Section__Key</c>).</summary>
    public static async Task<WebAppProcess> StartAsync(string repositoryRoot, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? settings = null)
    {
        // DCOPS_BENCH_WEB: another build's output folder (e.g. a copy of the previous commit's) for before/after figures.
        var output = Environment.GetEnvironmentVariable("DCOPS_BENCH_WEB") is { Length: > 0 } other
            ? other
            : Path.Combine(repositoryRoot, "DataCenterOps.Web", "bin", "Release", "net10.0");
        var dll = Path.Combine(output, "DataCenterOps.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the web app in Release first (the benchmark project references it).", dll);
        }

        var dataDirectory = Path.Combine(Path.GetTempPath(), "dcops-bench", "dashboard-" + Guid.NewGuid().ToString("N"));
        var port = FreeTcpPort();
        var snmpPort = FreeUdpPort();
        var modbusPort = FreeTcpPort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Urls"] = $"http://127.0.0.1:{port}";
        environment["Storage__DataDirectory"] = dataDirectory;
        environment["Bootstrap__AdminEmail"] = AdminEmail;
        environment["Bootstrap__AdminPassword"] = AdminPassword;
        environment["Logging__LogLevel__Default"] = "Warning";
        environment["Simulator__SnmpPort"] = Invariant(snmpPort);
        environment["Simulator__ModbusPort"] = Invariant(modbusPort);
        foreach (var (index, protocol) in ConfiguredDevices(Path.Combine(output, "appsettings.json")))
        {
            environment[$"Monitoring__Devices__{index}__Port"] = Invariant(protocol == "Snmp" ? snmpPort : modbusPort);
            environment[$"Monitoring__Devices__{index}__IntervalSeconds"] = "1";
            environment[$"Monitoring__Devices__{index}__TimeoutSeconds"] = "2";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new WebAppProcess(process, dataDirectory, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilServingAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Private (not shared) resident memory of the server process, from /proc/PID/smaps_rollup.</summary>
    public long PrivateBytes() => PrivateBytesOf(_process.Id);

    /// <summary>Private (not shared) resident memory of a process, from /proc/PID/smaps_rollup.</summary>
    public static long PrivateBytesOf(int processId)
    {
        long kilobytes = 0;
        foreach (var line in File.ReadLines($"/proc/{processId}/smaps_rollup"))
        {
            if (line.StartsWith("Private_Clean:", StringComparison.Ordinal) || line.StartsWith("Private_Dirty:", StringComparison.Ordinal))
            {
                kilobytes += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        return kilobytes * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The web app exited with code {_process.ExitCode}:\n{LastLines()}");
            }

            try
            {
                using var response = await http.GetAsync(BaseUrl + "/Account/Login", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow first answer on a loaded machine.
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new TimeoutException($"The web app did not answer within {StartTimeout}:\n{LastLines()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private string LastLines()
    {
        lock (_lastLines)
        {
            return string.Join('\n', _lastLines);
        }
    }

    private static IEnumerable<(int Index, string Protocol)> ConfiguredDevices(string appsettings)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(appsettings));
        var devices = file.RootElement.GetProperty("Monitoring").GetProperty("Devices");
        var list = new List<(int, string)>();
        for (var i = 0; i < devices.GetArrayLength(); i++)
        {
            list.Add((i, devices[i].GetProperty("Protocol").GetString() ?? ""));
        }

        return list;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static int FreeTcpPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
