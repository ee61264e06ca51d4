using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Benchmarks.Notifications;

/// <summary>Debian's prometheus-alertmanager on a free loopback port, with its own config and storage, no cluster.</summary>
internal sealed class AlertmanagerPeer : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dcops-bench", "alertmanager-" + Guid.NewGuid().ToString("N"));
    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private AlertmanagerPeer(int port)
    {
        Url = new Uri($"http://127.0.0.1:{port}/");
        Directory.CreateDirectory(_folder);
        var config = Path.Combine(_folder, "alertmanager.yml");
        File.WriteAllText(config, "route:\n  receiver: none\nreceivers:\n  - name: none\n");
        var start = new ProcessStartInfo("prometheus-alertmanager") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { $"--config.file={config}", $"--storage.path={Path.Combine(_folder, "data")}", $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("prometheus-alertmanager did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Url { get; }

    public static async Task<AlertmanagerPeer> StartAsync(CancellationToken cancellationToken)
    {
        var peer = new AlertmanagerPeer(FreePorts.Tcp());
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && !peer._process.HasExited)
        {
            try
            {
                using var ready = await peer._http.GetAsync(new Uri(peer.Url, "-/ready"), cancellationToken);
                if (ready.IsSuccessStatusCode)
                {
                    return peer;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        await peer.DisposeAsync();
        throw new InvalidOperationException("prometheus-alertmanager did not become ready (apt-get install -y prometheus-alertmanager).");
    }

    /// <summary>Every alert it holds, active and resolved.</summary>
    public async Task<IReadOnlyList<JsonElement>> AlertsAsync(CancellationToken cancellationToken)
    {
        var alerts = await _http.GetFromJsonAsync<JsonElement>(new Uri(Url, "api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true"), cancellationToken);
        return [.. alerts.EnumerateArray()];
    }

    /// <summary>The earliest <c>updatedAt</c> (when it received the alert) of what it holds; null while it holds nothing.</summary>
    public async Task<DateTimeOffset?> FirstUpdatedAtAsync(CancellationToken cancellationToken)
    {
        var alerts = await AlertsAsync(cancellationToken);
        return alerts.Count == 0 ? null : alerts.Min(a => a.GetProperty("updatedAt").GetDateTimeOffset());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _http.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
