using System.Diagnostics;
using System.Globalization;
using System.Net;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Tests.Monitoring.Snmp;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Web.Features.Admin.Commissioning;

/// <summary>
/// net-snmp's snmpd as a UPS card with a vendor sysObjectID (net-snmp's own) that serves RFC 1628 upsIdent, one v3
/// user (SHA-256/AES) and a v2c community, and a battery voltage ten times too large (27160 × 0.1 V = 2,716 V).
/// </summary>
public sealed class CommissioningSnmpdFixture : IAsyncLifetime
{
    public const string User = "commission";
    public const string AuthPassword = "auth-commission-1";
    public const string PrivPassword = "priv-commission-1";
    public const string Community = "commission-ro";
    public const string Manufacturer = "ACME Power";

    private Process? _process;
    private string _directory = "";

    public IPEndPoint Endpoint { get; private set; } = new(IPAddress.Loopback, 0);

    public string Address => "snmp://127.0.0.1:" + Endpoint.Port.ToString(CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("dcops-snmpd-commission-").FullName;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Endpoint = new IPEndPoint(IPAddress.Loopback, FreePorts.Udp());
            var config = Path.Combine(_directory, "commission.conf");
            await File.WriteAllTextAsync(config, string.Join('\n',
                $"agentAddress udp:127.0.0.1:{Endpoint.Port.ToString(CultureInfo.InvariantCulture)}",
                $"rocommunity {Community} 127.0.0.1",
                $"createUser {User} SHA-256 \"{AuthPassword}\" AES \"{PrivPassword}\"",
                $"rouser {User} priv",
                $"override 1.3.6.1.2.1.33.1.1.1.0 octet_str \"{Manufacturer}\"",
                "override 1.3.6.1.2.1.33.1.1.2.0 octet_str \"Smart 3000\"",
                "override 1.3.6.1.2.1.33.1.2.1.0 integer 2",
                "override 1.3.6.1.2.1.33.1.2.4.0 integer 100",
                "override 1.3.6.1.2.1.33.1.2.5.0 integer 27160",
                "override 1.3.6.1.2.1.33.1.4.1.0 integer 3",
                ""));
            var start = new ProcessStartInfo("snmpd") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-f", "-Lo", "-C", "-c", config })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["SNMP_PERSISTENT_DIR"] = _directory;
            start.Environment["MIBS"] = "";
            _process = Process.Start(start) ?? throw new InvalidOperationException("snmpd did not start.");
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            if (await SnmpdProcess.AnswersAsync(_process, new SnmpTarget(Endpoint, new SnmpCommunity(Community))))
            {
                return;
            }

            await SnmpdProcess.KillAsync(_process);
            _process = null;
        }

        throw new InvalidOperationException("snmpd (commissioning) did not answer on 127.0.0.1.");
    }

    public async Task DisposeAsync()
    {
        await SnmpdProcess.KillAsync(_process);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
