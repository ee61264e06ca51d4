using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Agent;

namespace DataCenterOps.Benchmarks.Snmp;

/// <summary>
/// SNMPv3 authPriv (SHA-256/AES-128) GET throughput beside v2c, against the same agent each time: our SnmpAgent (what
/// the simulator serves) and net-snmp's snmpd (createUser, rouser). Our SnmpClient sends <see cref="Requests"/>
/// sequential GETs of one OID per run, one at a time, so the figure is requests/s of a single poller's loop.
/// </summary>
public sealed class SnmpV3GetBenchmark : IEndToEndBenchmark
{
    private const int Requests = 2_000;
    private const int Warmup = 200;
    private const string Community = "public";
    private const string AuthPassword = "bench-auth-pass";
    private const string PrivPassword = "bench-priv-pass";
    private static readonly ObjectIdentifier SysDescr = ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0");

    public string Name => "snmpv3";

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var figures = new List<Figure>();
        var table = new SnmpMibTable();
        table.Set(SysDescr, SnmpValue.OctetString("DataCenterOps benchmark agent"));
        var ours = new SnmpUsmCredentials("bench", SnmpAuthProtocol.Sha256, AuthPassword, SnmpPrivProtocol.Aes128, PrivPassword, Community);
        await using (var agent = new SnmpAgent(new IPEndPoint(IPAddress.Loopback, 0), new SnmpCommunityViews(Community, table)) { V3Users = [ours] })
        {
            await agent.StartAsync(cancellationToken);
            await MeasureAsync(figures, "our SnmpAgent (the simulator's agent)", agent.LocalEndpoint, ours, cancellationToken);
        }

        await using (var snmpd = await Snmpd.StartAsync(cancellationToken))
        {
            var theirs = new SnmpUsmCredentials("bench", SnmpAuthProtocol.Sha256, AuthPassword, SnmpPrivProtocol.Aes128, PrivPassword, "");
            await MeasureAsync(figures, "net-snmp snmpd", snmpd.Endpoint, theirs, cancellationToken);
        }

        return figures;
    }

    private static async Task MeasureAsync(List<Figure> figures, string agent, IPEndPoint endpoint, SnmpUsmCredentials user, CancellationToken cancellationToken)
    {
        await using var client = new SnmpClient();
        var v2c = SnmpTarget.V2c(endpoint, Community) with { Timeout = TimeSpan.FromSeconds(2), Retries = 1 };
        var v3 = new SnmpTarget(endpoint, user) with { Timeout = TimeSpan.FromSeconds(2), Retries = 1 };
        var v2cRate = await RateAsync(client, v2c, cancellationToken);
        var v3Rate = await RateAsync(client, v3, cancellationToken);
        figures.Add(new($"{Requests:N0} sequential GETs over SNMPv2c, {agent}", v2cRate.Rate, "requests/s"));
        figures.Add(new($"{Requests:N0} sequential GETs over SNMPv3 authPriv (SHA-256/AES), {agent}", v3Rate.Rate, "requests/s"));
        figures.Add(new($"  failed GETs (v2c + v3), {agent}", v2cRate.Failures + v3Rate.Failures, "count"));
        figures.Add(new($"SNMPv3 authPriv rate as a share of the v2c rate, {agent}", 100 * v3Rate.Rate / v2cRate.Rate, "%"));
    }

    /// <summary>Warm-up (JIT, v3 discovery and key localisation) then <see cref="Requests"/> GETs one after another.</summary>
    private static async Task<(double Rate, int Failures)> RateAsync(SnmpClient client, SnmpTarget target, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Warmup; i++)
        {
            await client.GetAsync(target, [SysDescr], cancellationToken);
        }

        var failures = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Requests; i++)
        {
            try
            {
                await client.GetAsync(target, [SysDescr], cancellationToken);
            }
            catch (SnmpException e)
            {
                // Counted and shown rather than ending the run: a loaded 2-core box may drop a datagram.
                failures++;
                Console.WriteLine($"  request failed: {e.Message}");
            }
        }

        return ((Requests - failures) / clock.Elapsed.TotalSeconds, failures);
    }

    /// <summary>net-snmp's snmpd on a free loopback port with v2c community and one authPriv user, its own config only.</summary>
    private sealed class Snmpd : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly DirectoryInfo _directory;

        private Snmpd(Process process, DirectoryInfo directory, IPEndPoint endpoint)
        {
            _process = process;
            _directory = directory;
            Endpoint = endpoint;
        }

        public IPEndPoint Endpoint { get; }

        public static async Task<Snmpd> StartAsync(CancellationToken cancellationToken)
        {
            int port;
            using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
            {
                probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                port = ((IPEndPoint)probe.LocalEndPoint!).Port;
            }

            var directory = Directory.CreateTempSubdirectory("dcops-bench-snmpd-");
            var config = Path.Combine(directory.FullName, "snmpd.conf");
            await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture,
                $"agentAddress udp:127.0.0.1:{port}\nrocommunity {Community} 127.0.0.1\ncreateUser bench SHA-256 \"{AuthPassword}\" AES \"{PrivPassword}\"\nrouser bench priv\n"), cancellationToken);
            var start = new ProcessStartInfo("snmpd") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-f", "-Lo", "-C", "-c", config })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["MIBS"] = string.Empty;
            start.Environment["SNMP_PERSISTENT_DIR"] = directory.FullName;
            var process = Process.Start(start) ?? throw new InvalidOperationException("snmpd did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var snmpd = new Snmpd(process, directory, new IPEndPoint(IPAddress.Loopback, port));
            await using var client = new SnmpClient();
            var target = SnmpTarget.V2c(snmpd.Endpoint, Community) with { Timeout = TimeSpan.FromMilliseconds(500), Retries = 0 };
            var ready = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    await client.GetAsync(target, [SysDescr], cancellationToken);
                    return snmpd;
                }
                catch (SnmpException) when (ready.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
                {
                    // Not listening yet.
                }
                catch
                {
                    await snmpd.DisposeAsync();
                    throw;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            _directory.Delete(recursive: true);
        }
    }
}
