using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Web.Http;

/// <summary>A second copy of the built app (dotnet DataCenterOps.Web.dll) on taken ports stops with one plain line and exit code 10.</summary>
public sealed class PortInUseTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dcops-tests", "ports-" + Guid.NewGuid().ToString("N"));
    private readonly int _web = FreePorts.Tcp();
    private readonly int _snmp = FreePorts.Udp();
    private readonly int _modbus = FreePorts.Tcp();
    private Process? _first;

    public async Task InitializeAsync()
    {
        _first = Start("first", _web, _snmp, _modbus);
        // Drained, so its logging never blocks on a full pipe.
        _first.OutputDataReceived += (_, _) => { };
        _first.ErrorDataReceived += (_, _) => { };
        _first.BeginOutputReadLine();
        _first.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            Assert.False(_first.HasExited, $"the first copy stopped with exit code {(_first.HasExited ? _first.ExitCode : 0)}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", _web, timeout.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200, timeout.Token);
            }
        }
    }

    public Task DisposeAsync()
    {
        if (_first is { HasExited: false })
        {
            _first.Kill(entireProcessTree: true);
            _first.WaitForExit(10_000);
        }

        _first?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task ASecondCopy_OnTheSimulatorsPort_StopsWithOneLine_NamingThePortAndItsKey()
    {
        var (code, error) = await RunAsync(Start("second", FreePorts.Tcp(), _snmp, FreePorts.Tcp()));

        Assert.Equal(10, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(_snmp.ToString(CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
        Assert.Contains("Simulator:SnmpPort", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondCopy_OnTheWebPort_StopsWithOneLine_NamingUrls()
    {
        var process = Start("third", _web, FreePorts.Udp(), FreePorts.Tcp());
        var (code, error) = await RunAsync(process);

        Assert.Equal(10, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(_web.ToString(CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
        Assert.Contains("Urls", line, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Error)> RunAsync(Process process)
    {
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var output = await stdout + await stderr;
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
            return (process.ExitCode, await stderr);
        }
    }

    private Process Start(string name, int web, int snmp, int modbus)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "DataCenterOps.Web.dll",
            $"--Urls=http://127.0.0.1:{web}",
            $"--Storage:DataDirectory={Path.Combine(_root, name)}",
            $"--Simulator:SnmpPort={snmp}",
            $"--Simulator:ModbusPort={modbus}",
            "--Bootstrap:AdminPassword=Ports-Admin-2026",
            "--Bootstrap:SeedDemoData=false",
            "--Hangfire:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
        })
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info)!;
    }
}
