using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Benchmarks.Hosting;

/// <summary>
/// The real application as its own process (`dotnet DataCenterOps.Web.dll` from the Release build) on free loopback
/// ports, a data folder and its simulated room polled every second — the one launcher of the benchmarks (dashboards,
/// wall, soak). It can be killed with SIGKILL and started again on the same folder and ports (<see cref="KillAsync"/>,
/// <see cref="StartAsync(CancellationToken)"/>); every log line goes to <see cref="LogPath"/>.
/// </summary>
internal sealed class WebAppProcess : IAsyncDisposable
{
    public const string AdminEmail = "bench-admin@dcops.local";
    public const string AdminPassword = "Bench-Admin-2026";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(8);

    private readonly string _dll;
    private readonly bool _ownsDataDirectory;
    private readonly Dictionary<string, string> _environment;
    private readonly Queue<string> _lastLines = new();
    private readonly StreamWriter _log;
    private Process? _process;
    private bool _logClosed;

    /// <param name="repositoryRoot">Where DataCenterOps.sln is (the Release build of the web app is taken from there).</param>
    /// <param name="dataDirectory">The app's data folder; null for a new temporary one, removed at dispose.</param>
    /// <param name="extraDevices">Devices monitored beside the configured ones, each as its <c>Monitoring:Devices</c> keys (<c>Id</c>, <c>Protocol</c>, <c>Port</c>, …).</param>
    /// <param name="environment">More configuration (environment variable form, e.g. <c>Monitoring__History__BatchSize</c>), applied last.</param>
    /// <param name="pollSeconds">The configured devices' polling interval: 1 s by default, 10 s as a site runs it.</param>
    public WebAppProcess(
        string repositoryRoot,
        string? dataDirectory = null,
        IEnumerable<IReadOnlyDictionary<string, string>>? extraDevices = null,
        IReadOnlyDictionary<string, string>? environment = null,
        int pollSeconds = 1)
    {
        // DCOPS_BENCH_WEB: another build's output folder (e.g. a copy of the previous commit's) for before/after figures.
        OutputDirectory = Environment.GetEnvironmentVariable("DCOPS_BENCH_WEB") is { Length: > 0 } other
            ? other
            : Path.Combine(repositoryRoot, "DataCenterOps.Web", "bin", "Release", "net10.0");
        _dll = Path.Combine(OutputDirectory, "DataCenterOps.Web.dll");
        if (!File.Exists(_dll))
        {
            throw new FileNotFoundException("Build the web app in Release first (the benchmark project references it).", _dll);
        }

        _ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "dcops-bench", "app-" + Guid.NewGuid().ToString("N"));
        HttpPort = FreePorts.Tcp();
        TrapPort = FreePorts.Udp();
        var snmpPort = FreePorts.Udp();
        var modbusPort = FreePorts.Tcp();
        _environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Urls"] = BaseUrl,
            ["Storage__DataDirectory"] = DataDirectory,
            ["Bootstrap__AdminEmail"] = AdminEmail,
            ["Bootstrap__AdminPassword"] = AdminPassword,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Simulator__SnmpPort"] = Invariant(snmpPort),
            ["Simulator__ModbusPort"] = Invariant(modbusPort),
            ["Monitoring__Traps__Port"] = Invariant(TrapPort),
        };
        ConfiguredDevices = ReadConfiguredDevices(Path.Combine(OutputDirectory, "appsettings.json"));
        foreach (var (index, protocol, _) in ConfiguredDevices)
        {
            _environment[$"Monitoring__Devices__{index}__Port"] = Invariant(protocol == "Snmp" ? snmpPort : modbusPort);
            _environment[$"Monitoring__Devices__{index}__IntervalSeconds"] = Invariant(pollSeconds);
            _environment[$"Monitoring__Devices__{index}__TimeoutSeconds"] = "2";
        }

        var next = ConfiguredDevices.Count;
        foreach (var device in extraDevices ?? [])
        {
            foreach (var (key, value) in device)
            {
                _environment[$"Monitoring__Devices__{next}__{key}"] = value;
            }

            next++;
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }

        LogPath = Path.Combine(Path.GetTempPath(), $"dcops-app-{Environment.ProcessId}-{HttpPort}.log");
        _log = new StreamWriter(LogPath, append: false) { AutoFlush = true };
    }

    /// <summary>Builds, starts and waits until the app serves (a fresh data folder, removed at dispose).</summary>
    public static async Task<WebAppProcess> StartAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var app = new WebAppProcess(repositoryRoot);
        try
        {
            await app.StartAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public string OutputDirectory { get; }

    public string DataDirectory { get; }

    public int HttpPort { get; }

    public int TrapPort { get; }

    public string BaseUrl => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{HttpPort}");

    public string LogPath { get; }

    /// <summary>The devices of the shipped appsettings.json (index, protocol, id), pointed at the app's simulated room.</summary>
    public IReadOnlyList<(int Index, string Protocol, string Id)> ConfiguredDevices { get; }

    /// <summary>How many times the process was started.</summary>
    public int Starts { get; private set; }

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>True while the process runs; false after it was killed or died on its own.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the process (again, after <see cref="KillAsync"/>: same data folder and ports) and waits until it serves.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = OutputDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_dll);
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process?.Dispose();
        Starts++;
        Keep(Invariant($"--- launcher: start #{Starts}"));
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilServingAsync(cancellationToken);
    }

    /// <summary>SIGKILL: no flush, no graceful stop, as a power cut or the OOM killer would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            Keep("--- launcher: kill -9");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Private (not shared) resident memory of the server process, from /proc/PID/smaps_rollup.</summary>
    public long PrivateBytes() => ProcessId is { } pid ? PrivateBytesOf(pid) : 0;

    /// <summary>Private (not shared) resident memory of a process, from /proc/PID/smaps_rollup.</summary>
    public static long PrivateBytesOf(int processId)
    {
        return File.ReadLines($"/proc/{processId}/smaps_rollup").Sum(PrivateKilobytes) * 1024;
    }

    /// <summary>
    /// Of a process's private memory, the runtime's executable pages: with W^X (the default) JIT-compiled code and stubs
    /// live in <c>memfd:doublemapper</c> mappings, from /proc/PID/smaps. They grow while a warming process compiles
    /// methods (tier 1 after 30 calls), once per process, not per circuit or request.
    /// </summary>
    public static long CodeBytesOf(int processId)
    {
        long kilobytes = 0;
        var inCode = false;
        foreach (var line in File.ReadLines($"/proc/{processId}/smaps"))
        {
            // A mapping's first line starts with its address range; its fields' lines with "Name:".
            var firstWord = line.AsSpan(0, Math.Max(0, line.IndexOf(' ', StringComparison.Ordinal)));
            if (firstWord.Length > 0 && firstWord[^1] != ':')
            {
                inCode = line.Contains("doublemapper", StringComparison.Ordinal);
            }
            else if (inCode)
            {
                kilobytes += PrivateKilobytes(line);
            }
        }

        return kilobytes * 1024;
    }

    // An smaps field line's private pages ("Private_Clean:" or "Private_Dirty:", in kB); 0 for any other line.
    private static long PrivateKilobytes(string line) =>
        line.StartsWith("Private_Clean:", StringComparison.Ordinal) || line.StartsWith("Private_Dirty:", StringComparison.Ordinal)
            ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)
            : 0;

    /// <summary>Resident memory (VmRSS) and open file descriptors of the running process; zeros when it is not running.</summary>
    public (long RssBytes, int Handles) Resources()
    {
        if (ProcessId is not { } pid)
        {
            return (0, 0);
        }

        try
        {
            var rssKb = File.ReadLines($"/proc/{pid}/status")
                .Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
                .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture))
                .FirstOrDefault();
            return (rssKb * 1024, Directory.GetFiles($"/proc/{pid}/fd").Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (0, 0); // It exited between the check and the read.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        lock (_lastLines)
        {
            _logClosed = true;
            _log.Dispose();
        }

        if (_ownsDataDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner.
            }
        }
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"The web app exited with code {_process?.ExitCode} (log {LogPath}):\n{LastLines()}");
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

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"The web app did not answer within {StartTimeout} (log {LogPath}):\n{LastLines()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }

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

    private static List<(int Index, string Protocol, string Id)> ReadConfiguredDevices(string appsettings)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(appsettings));
        var devices = file.RootElement.GetProperty("Monitoring").GetProperty("Devices");
        return [.. Enumerable.Range(0, devices.GetArrayLength())
            .Select(i => (i, devices[i].GetProperty("Protocol").GetString() ?? "", devices[i].GetProperty("Id").GetString() ?? ""))];
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
