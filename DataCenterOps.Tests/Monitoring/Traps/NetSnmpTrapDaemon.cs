using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DataCenterOps.Tests.Monitoring.Polling;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Monitoring.Traps;

/// <summary>
/// net-snmp's snmptrapd (Debian package snmptrapd) on a free loopback port, in the foreground with its own config only
/// (<c>-f -Lo -C -c</c>), MIBS="" and a temporary SNMP_PERSISTENT_DIR. Each notification it accepts is printed as one
/// line <c>TRAP {PDU type, version, user/community, context} | {varbinds}</c>; every output line is kept.
/// </summary>
internal sealed class NetSnmpTrapDaemon : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly Process _process;

    private NetSnmpTrapDaemon(string config, int port)
    {
        Port = port;
        var configPath = Path.Combine(_temp.Path, "snmptrapd.conf");
        File.WriteAllText(configPath, config);
        var persistent = Directory.CreateDirectory(Path.Combine(_temp.Path, "persistent")).FullName;
        var start = new ProcessStartInfo("snmptrapd")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-f", "-Lo", "-C", "-c", configPath, "-On", "-F", "TRAP %P | %V, %v\n", $"udp:127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MIBS"] = string.Empty;
        start.Environment["MIBDIRS"] = string.Empty;
        start.Environment["SNMP_PERSISTENT_DIR"] = persistent;
        start.Environment["HOME"] = _temp.Path;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
    }

    public int Port { get; }

    public ConcurrentQueue<string> Lines { get; } = new();

    public string Output => string.Join('\n', Lines);

    /// <summary>Starts it and waits for its start banner (it prints "NET-SNMP version" once it listens).</summary>
    public static async Task<NetSnmpTrapDaemon> StartAsync(string config)
    {
        var daemon = new NetSnmpTrapDaemon(config, FreePorts.Udp());
        try
        {
            daemon._process.Start();
            daemon._process.BeginOutputReadLine();
            daemon._process.BeginErrorReadLine();
            await Eventually.TrueAsync(() => daemon.Lines.Any(l => l.Contains("NET-SNMP version", StringComparison.Ordinal)) || daemon._process.HasExited,
                "snmptrapd listening", TimeSpan.FromSeconds(30));
            if (daemon._process.HasExited)
            {
                throw new InvalidOperationException($"snmptrapd exited: {daemon.Output}");
            }

            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
        _temp.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            Lines.Enqueue(line);
        }
    }
}
