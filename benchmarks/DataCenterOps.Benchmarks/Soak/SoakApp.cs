using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace DataCenterOps.Benchmarks.Soak;

/// <summary>
/// The real application as a process that the soak can kill with SIGKILL and start again on the same data folder and
/// ports: its simulated room polled every second, two extra Modbus devices pointing at the soak's misbehaving servers,
/// and every log line kept in a file.
/// </summary>
internal sealed class SoakApp : IAsyncDisposable
{
    public const string AdminEmail = "soak-admin@dcops.local";
    public const string AdminPassword = "Soak-Admin-2026";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly string _dll;
    private readonly Dictionary<string, string> _environment;
    private readonly StreamWriter _log;
    private Process? _process;

    public SoakApp(string repositoryRoot, string dataDirectory, int hangingPort, int resettingPort)
    {
        var output = Path.Combine(repositoryRoot, "DataCenterOps.Web", "bin", "Release", "net10.0");
        _dll = Path.Combine(output, "DataCenterOps.Web.dll");
        if (!File.Exists(_dll))
        {
            throw new FileNotFoundException("Build the web app in Release first (the benchmark project references it).", _dll);
        }

        DataDirectory = dataDirectory;
        HttpPort = FreePorts.Tcp();
        TrapPort = FreePorts.Udp();
        var snmpPort = FreePorts.Udp();
        var modbusPort = FreePorts.Tcp();
        _environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Urls"] = $"http://127.0.0.1:{HttpPort}",
            ["Storage__DataDirectory"] = dataDirectory,
            ["Bootstrap__AdminEmail"] = AdminEmail,
            ["Bootstrap__AdminPassword"] = AdminPassword,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Simulator__SnmpPort"] = Invariant(snmpPort),
            ["Simulator__ModbusPort"] = Invariant(modbusPort),
            ["Monitoring__Traps__Port"] = Invariant(TrapPort),
        };
        var devices = ConfiguredDevices(Path.Combine(output, "appsettings.json"));
        foreach (var (index, protocol, _) in devices)
        {
            _environment[$"Monitoring__Devices__{index}__Port"] = Invariant(protocol == "Snmp" ? snmpPort : modbusPort);
            _environment[$"Monitoring__Devices__{index}__IntervalSeconds"] = "1";
            _environment[$"Monitoring__Devices__{index}__TimeoutSeconds"] = "2";
        }

        // Two devices that misbehave on the wire for the whole run: one hangs mid-reply, one resets every connection.
        AddFaultyDevice(devices.Count, HangingDeviceId, hangingPort);
        AddFaultyDevice(devices.Count + 1, ResettingDeviceId, resettingPort);
        HealthyDeviceIds = [.. devices.Select(d => d.Id)];
        LogPath = Path.Combine(Path.GetTempPath(), $"dcops-soak-{Environment.ProcessId}.log");
        _log = new StreamWriter(LogPath, append: false) { AutoFlush = true };
    }

    public const string HangingDeviceId = "soak-hanging";
    public const string ResettingDeviceId = "soak-resetting";

    public string DataDirectory { get; }

    public int HttpPort { get; }

    public int TrapPort { get; }

    public string BaseUrl => $"http://127.0.0.1:{HttpPort}";

    public string LogPath { get; }

    public IReadOnlyList<string> HealthyDeviceIds { get; }

    public int Starts { get; private set; }

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>True while the process runs; false after it died on its own (not killed by us).</summary>
    public bool IsRunning => _process is { HasExited: false };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_dll);
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        Starts++;
        Log($"--- soak: start #{Starts}");
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilServingAsync(cancellationToken);
    }

    /// <summary>SIGKILL: no flush, no graceful stop, as a power cut or the OOM killer would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            Log("--- soak: kill -9");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Resident memory (VmRSS) and open file descriptors of the running process.</summary>
    public (long RssBytes, int Handles) Resources()
    {
        if (ProcessId is not { } pid)
        {
            return (0, 0);
        }

        var rssKb = File.ReadLines($"/proc/{pid}/status")
            .Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture))
            .FirstOrDefault();
        return (rssKb * 1024, Directory.GetFiles($"/proc/{pid}/fd").Length);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        await _log.DisposeAsync();
    }

    private void AddFaultyDevice(int index, string id, int port)
    {
        var prefix = $"Monitoring__Devices__{index}__";
        _environment[prefix + "Id"] = id;
        _environment[prefix + "Name"] = id;
        _environment[prefix + "Kind"] = "Environment";
        _environment[prefix + "Protocol"] = "ModbusTcp";
        _environment[prefix + "Profile"] = "env-modbus";
        _environment[prefix + "Host"] = "127.0.0.1";
        _environment[prefix + "Port"] = Invariant(port);
        _environment[prefix + "UnitId"] = "1";
        _environment[prefix + "IntervalSeconds"] = "1";
        _environment[prefix + "TimeoutSeconds"] = "2";
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"The web app exited with code {_process?.ExitCode}; log in {LogPath}");
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

        throw new TimeoutException($"The web app did not answer within {StartTimeout}; log in {LogPath}");
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.WriteLine(line);
            }
        }
    }

    private static List<(int Index, string Protocol, string Id)> ConfiguredDevices(string appsettings)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(appsettings));
        var devices = file.RootElement.GetProperty("Monitoring").GetProperty("Devices");
        return [.. Enumerable.Range(0, devices.GetArrayLength())
            .Select(i => (i, devices[i].GetProperty("Protocol").GetString() ?? "", devices[i].GetProperty("Id").GetString() ?? ""))];
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
