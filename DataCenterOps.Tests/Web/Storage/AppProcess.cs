using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DataCenterOps.Tests.Web.Storage;

/// <summary>The built app (<c>dotnet DataCenterOps.Web.dll</c>) as a process of its own, its output drained, killed on dispose.</summary>
internal sealed partial class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private bool _disposed;

    private AppProcess(Process process, int? webPort)
    {
        _process = process;
        WebPort = webPort;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int? WebPort { get; }
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines it printed (for a failure message).</summary>
    public string Tail => string.Join('\n', _output.TakeLast(40));

    public static AppProcess Start(int? webPort, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("DataCenterOps.Web.dll");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new AppProcess(Process.Start(info)!, webPort);
    }

    /// <summary><c>kill -9</c>: no graceful stop, no lease released.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>GET /metrics, or null while it does not answer.</summary>
    public async Task<string?> MetricsAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{WebPort}/metrics"));
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The <c>dcops_node_devices</c> series of a scrape: node name → devices.</summary>
    public static Dictionary<string, int> NodeDevices(string metrics) =>
        NodeDevicesLine().Matches(metrics).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>The devices a scrape shows as up (<c>dcops_device_up … 1</c>).</summary>
    public static HashSet<string> DevicesUp(string metrics) =>
        [.. DeviceUpLine().Matches(metrics).Select(m => m.Groups[1].Value)];

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }

    [GeneratedRegex("""^dcops_node_devices\{node="([^"]+)"\} (\d+)$""", RegexOptions.Multiline)]
    private static partial Regex NodeDevicesLine();

    [GeneratedRegex("""^dcops_device_up\{device="([^"]+)"[^}]*\} 1$""", RegexOptions.Multiline)]
    private static partial Regex DeviceUpLine();
}
