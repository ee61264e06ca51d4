using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataCenterOps.Tests.Monitoring.Modbus;

/// <summary>
/// A real pymodbus 3.0 server (Fixtures/pymodbus_gencomm_server.py) on a free loopback port, started
/// once per test class and killed on dispose. It also exits on its own if this process dies (stdin closes).
/// </summary>
public sealed class PymodbusServerFixture : IAsyncLifetime
{
    private readonly StringBuilder _errors = new();
    private Process? _process;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(PeerProcess.FixturePath("pymodbus_gencomm_server.py"));
        start.ArgumentList.Add("0");
        _process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start /usr/bin/python3.");
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();

        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (line is null || !line.StartsWith("LISTENING ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"pymodbus server did not start: {line} {Errors}");
        }

        Port = int.Parse(line["LISTENING ".Length..], CultureInfo.InvariantCulture);
        await WaitUntilAcceptingAsync(Port, TimeSpan.FromSeconds(30));
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    internal static async Task WaitUntilAcceptingAsync(int port, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
