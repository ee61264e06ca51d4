using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Monitoring.Polling;

/// <summary>net-snmp's snmpd on a free loopback port serving exactly the given <c>override OID TYPE VALUE</c> lines; killed on dispose.</summary>
internal sealed class OverrideSnmpd : IAsyncDisposable
{
    public const string Community = "test-ro";

    private readonly string _directory = Directory.CreateTempSubdirectory("dcops-snmpd-").FullName;
    private Process? _process;

    private OverrideSnmpd()
    {
    }

    public IPEndPoint Endpoint { get; private set; } = new(IPAddress.Loopback, 0);

    public static async Task<OverrideSnmpd> StartAsync(IEnumerable<(string Oid, string Type, string Value)> overrides)
    {
        var snmpd = new OverrideSnmpd();
        var lines = overrides.ToList();
        for (var attempt = 1; ; attempt++)
        {
            snmpd.Endpoint = new IPEndPoint(IPAddress.Loopback, FreePorts.Udp());
            var config = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"agentAddress udp:127.0.0.1:{snmpd.Endpoint.Port}")
                .AppendLine(CultureInfo.InvariantCulture, $"rocommunity {Community} 127.0.0.1");
            foreach (var (oid, type, value) in lines)
            {
                config.AppendLine(CultureInfo.InvariantCulture, $"override {oid} {type} {value}");
            }

            var path = Path.Combine(snmpd._directory, "our.conf");
            await File.WriteAllTextAsync(path, config.ToString());
            snmpd.Start(path);
            if (await snmpd.AnswersAsync())
            {
                return snmpd;
            }

            await snmpd.KillAsync();
            if (attempt == 3)
            {
                await snmpd.DisposeAsync();
                throw new InvalidOperationException("snmpd did not answer on 127.0.0.1 (is the Debian package snmpd installed?).");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private void Start(string config)
    {
        var start = new ProcessStartInfo("snmpd") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-f", "-Lo", "-C", "-c", config })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SNMP_PERSISTENT_DIR"] = _directory;
        start.Environment["MIBS"] = string.Empty;
        _process = Process.Start(start) ?? throw new InvalidOperationException("snmpd did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private async Task<bool> AnswersAsync()
    {
        await using var client = new SnmpClient();
        var probe = SnmpTarget.V2c(Endpoint, Community) with { Timeout = TimeSpan.FromMilliseconds(300), Retries = 0 };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20) && _process is { HasExited: false })
        {
            try
            {
                await client.GetAsync(probe, [ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0")]);
                return true;
            }
            catch (SnmpTimeoutException)
            {
                // Not listening yet.
            }
        }

        return false;
    }

    private async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _process = null;
    }
}
