using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>
/// net-snmp's snmpd on 127.0.0.1 with one USM user (<c>createUser</c> + <c>rouser</c>) for every auth × priv pair
/// Debian's 5.9.3 offers, plus a noAuthNoPriv user. SNMP_PERSISTENT_DIR is a temp folder (snmpd stores the
/// localised users and its engine ID there); killed on dispose.
/// </summary>
public sealed class SnmpdV3Fixture : IAsyncLifetime
{
    public const string AuthPassword = "auth-pass-1";
    public const string PrivPassword = "priv-pass-1";
    public const string NoAuthUser = "u-noauth";
    public const string UpsIdentModel = "1.3.6.1.2.1.33.1.1.2.0";

    public static readonly string[] AuthNames = ["MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512"];
    public static readonly string[] PrivNames = ["", "DES", "AES", "AES-192", "AES-256"];

    private Process? _process;
    private string _directory = string.Empty;

    public IPEndPoint Endpoint { get; private set; } = new(IPAddress.Loopback, 0);

    /// <summary>The user created for a pair, e.g. <c>u-sha-256-aes-192</c> (priv "" = authNoPriv).</summary>
    public static string UserFor(string auth, string priv) =>
        ("u-" + auth + (priv.Length == 0 ? "" : "-" + priv)).ToLowerInvariant();

    public static SnmpUsmCredentials Credentials(string auth, string priv, string authPassword = AuthPassword, string privPassword = PrivPassword)
    {
        Assert.True(SnmpUsmProtocolNames.TryParseAuth(auth, out var authProtocol));
        var privProtocol = SnmpPrivProtocol.None;
        Assert.True(priv.Length == 0 || SnmpUsmProtocolNames.TryParsePriv(priv, out privProtocol));
        return new SnmpUsmCredentials(UserFor(auth, priv), authProtocol, authPassword, privProtocol, priv.Length == 0 ? null : privPassword);
    }

    public SnmpTarget Target(SnmpCredentials credentials) =>
        new SnmpTarget(Endpoint, credentials) with { Timeout = TimeSpan.FromSeconds(2), Retries = 1 };

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("dcops-snmpd-v3-").FullName;
        for (var attempt = 1; ; attempt++)
        {
            Endpoint = new IPEndPoint(IPAddress.Loopback, FreePorts.Udp());
            var config = Path.Combine(_directory, "v3.conf");
            await File.WriteAllTextAsync(config, Config(Endpoint.Port));
            _process = Start(config);
            if (await AnswersAsync())
            {
                return;
            }

            await KillAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException("snmpd (v3) did not answer on 127.0.0.1.");
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

    private static string Config(int port)
    {
        var config = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"agentAddress udp:127.0.0.1:{port}")
            .AppendLine(CultureInfo.InvariantCulture, $"override {UpsIdentModel} octet_str \"DCOps UPS v3\"")
            .AppendLine(CultureInfo.InvariantCulture, $"createUser {NoAuthUser}")
            .AppendLine(CultureInfo.InvariantCulture, $"rouser {NoAuthUser} noauth");
        foreach (var auth in AuthNames)
        {
            foreach (var priv in PrivNames)
            {
                var user = UserFor(auth, priv);
                config.AppendLine(priv.Length == 0
                    ? $"createUser {user} {auth} \"{AuthPassword}\""
                    : $"createUser {user} {auth} \"{AuthPassword}\" {priv} \"{PrivPassword}\"");
                config.AppendLine(CultureInfo.InvariantCulture, $"rouser {user} {(priv.Length == 0 ? "auth" : "priv")}");
            }
        }

        return config.ToString();
    }

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
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private Task<bool> AnswersAsync() => SnmpdProcess.AnswersAsync(_process, Target(new SnmpUsmCredentials(NoAuthUser)));

    private async Task KillAsync()
    {
        await SnmpdProcess.KillAsync(_process);
        _process = null;
    }
}
