using System.Diagnostics;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Web.Features.Routine.Notifications;

/// <summary>Debian's prometheus-alertmanager on a free loopback port, with its own config and storage, no cluster.</summary>
internal sealed class AlertmanagerProcess : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly Process _process;

    private AlertmanagerProcess(int port)
    {
        Url = new Uri($"http://127.0.0.1:{port}");
        var config = Path.Combine(_temp.Path, "alertmanager.yml");
        File.WriteAllText(config, "route:\n  receiver: none\nreceivers:\n  - name: none\n");
        var start = new ProcessStartInfo("prometheus-alertmanager")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { $"--config.file={config}", $"--storage.path={Path.Combine(_temp.Path, "data")}", $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=" })
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

    public HttpClient Client { get; } = new();

    public static async Task<AlertmanagerProcess> StartAsync()
    {
        var am = new AlertmanagerProcess(FreePorts.Tcp());
        // Wait (bounded) for it to listen: start-up, not the behaviour under test.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var ready = await am.Client.GetAsync(new Uri(am.Url, "/-/ready"));
                if (ready.IsSuccessStatusCode)
                {
                    return am;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !am._process.HasExited)
            {
            }

            if (DateTime.UtcNow >= deadline || am._process.HasExited)
            {
                await am.DisposeAsync();
                throw new InvalidOperationException("prometheus-alertmanager did not become ready.");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _temp.Dispose();
    }
}
