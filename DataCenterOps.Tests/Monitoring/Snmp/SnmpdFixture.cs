using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>
/// net-snmp's snmpd on 127.0.0.1 with its own config in a temp folder, serving fixed RFC 1628
/// UPS-MIB values (override lines) and one changing value (a pass script); killed on dispose.
/// </summary>
public sealed class SnmpdFixture : IAsyncLifetime
{
    public const string Community = "public";
    public const string Ups = "1.3.6.1.2.1.33.1.";

    /// <summary>upsSecondsOnBattery, served by the pass script: it grows by one on every read.</summary>
    public const string ChangingOid = Ups + "2.2.0";

    /// <summary>The fixed values: OID suffix under <see cref="Ups"/>, snmpd override type, value.</summary>
    public static readonly (string Suffix, string Type, string Value)[] Overrides =
    [
        ("1.1.0", "octet_str", "\"DCOps UPS\""),
        ("2.1.0", "integer", "2"),
        ("2.3.0", "integer", "42"),
        ("2.4.0", "integer", "100"),
        ("2.5.0", "integer", "545"),
        ("2.7.0", "integer", "27"),
        ("3.1.0", "counter", "7"),
        ("3.2.0", "integer", "1"),
        ("3.3.1.2.1", "integer", "500"),
        ("3.3.1.3.1", "integer", "220"),
        ("4.1.0", "integer", "3"),
        ("4.2.0", "integer", "500"),
        ("4.4.1.2.1", "integer", "221"),
        ("4.4.1.5.1", "integer", "35"),
        ("6.1.0", "uinteger", "0"),
        ("7.3.0", "integer", "6"),
    ];

    private Process? _process;
    private string _directory = string.Empty;

    public IPEndPoint Endpoint { get; private set; } = new(IPAddress.Loopback, 0);

    public SnmpTarget Target(string community = Community) =>
        SnmpTarget.V2c(Endpoint, community) with { Timeout = TimeSpan.FromSeconds(2), Retries = 1 };

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("dcops-snmpd-").FullName;
        var script = Path.Combine(_directory, "seconds-on-battery.sh");
        await File.WriteAllTextAsync(script, PassScript(Path.Combine(_directory, "count")));

        // A free port can be taken between probing and binding: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Endpoint = new IPEndPoint(IPAddress.Loopback, FreePorts.Udp());
            var config = Path.Combine(_directory, "our.conf");
            await File.WriteAllTextAsync(config, Config(Endpoint.Port, script));
            _process = Start(config);
            if (await AnswersAsync())
            {
                return;
            }

            await KillAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException("snmpd did not answer on 127.0.0.1.");
            }
        }
    }

    public async Task DisposeAsync()
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

    private static string Config(int port, string script)
    {
        var config = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"agentAddress udp:127.0.0.1:{port}")
            .AppendLine(CultureInfo.InvariantCulture, $"rocommunity {Community} 127.0.0.1");
        foreach (var (suffix, type, value) in Overrides)
        {
            config.AppendLine(CultureInfo.InvariantCulture, $"override {Ups}{suffix} {type} {value}");
        }

        return config.AppendLine(CultureInfo.InvariantCulture, $"pass .{Ups}2.2 /bin/sh {script}").ToString();
    }

    private static string PassScript(string counterFile) => $$"""
        #!/bin/sh
        # pass protocol: -g OID (get) / -n OID (getnext) -> OID, type, value on three lines
        OID=.{{ChangingOid}}
        if { [ "$1" = "-g" ] && [ "$2" = "$OID" ]; } || { [ "$1" = "-n" ] && [ "$2" = ".{{Ups}}2.2" ]; }; then
          n=$(cat {{counterFile}} 2>/dev/null || echo 0); n=$((n+1)); echo $n > {{counterFile}}
          echo $OID; echo gauge; echo $n
        fi
        """.Replace("\r", string.Empty, StringComparison.Ordinal);

    private Process Start(string config)
    {
        var start = new ProcessStartInfo("snmpd")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-f", "-Lo", "-C", "-c", config })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SNMP_PERSISTENT_DIR"] = _directory;
        start.Environment["MIBS"] = string.Empty;
        var process = Process.Start(start) ?? throw new InvalidOperationException("snmpd did not start.");
        // Drain its output so that a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private Task<bool> AnswersAsync() => SnmpdProcess.AnswersAsync(_process, Target());

    private async Task KillAsync()
    {
        await SnmpdProcess.KillAsync(_process);
        _process = null;
    }
}
