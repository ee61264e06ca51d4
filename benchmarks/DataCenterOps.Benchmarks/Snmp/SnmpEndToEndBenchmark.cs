using System.Diagnostics;
using System.Net;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Agent;

namespace DataCenterOps.Benchmarks.Snmp;

/// <summary>
/// Walk of 5,000 OIDs in our agent by our client vs net-snmp's snmpbulkwalk (same max-repetitions,
/// same agent), and GET throughput to 50 agents over one socket vs a raw loopback UDP echo.
/// </summary>
public sealed class SnmpEndToEndBenchmark : IEndToEndBenchmark
{
    private const int WalkSize = 5_000;
    private const int MaxRepetitions = 50;
    private const int Agents = 50;
    private const int InFlight = 64;
    private static readonly TimeSpan ThroughputWindow = TimeSpan.FromSeconds(5);
    private static readonly ObjectIdentifier Root = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.4.4.1");

    private static readonly SnmpUsmCredentials V3User =
        new("bench", SnmpAuthProtocol.Sha256, "bench-auth-pass", SnmpPrivProtocol.Aes128, "bench-priv-pass", "public");

    private static int _failures;

    public string Name => "snmp";

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var figures = new List<Figure>();
        await WalkAsync(figures, cancellationToken);
        await ThroughputAsync(figures, cancellationToken);
        return figures;
    }

    private static async Task WalkAsync(List<Figure> figures, CancellationToken cancellationToken)
    {
        var table = new SnmpMibTable();
        for (uint i = 1; i <= WalkSize; i++)
        {
            table.Set(Root.Append(2 + (i % 4)).Append(i), SnmpValue.Integer(200 + i));
        }

        await using var agent = new SnmpAgent(new IPEndPoint(IPAddress.Loopback, 0), new SnmpCommunityViews("public", table));
        await agent.StartAsync(cancellationToken);
        await using var client = new SnmpClient();
        var target = SnmpTarget.V2c(agent.LocalEndpoint, "public") with { MaxRepetitions = MaxRepetitions, Timeout = TimeSpan.FromSeconds(5) };

        var ours = new List<double>();
        var theirs = new List<double>();
        for (var run = 0; run < 4; run++)
        {
            var clock = Stopwatch.StartNew();
            var count = 0;
            await foreach (var _ in client.WalkAsync(target, Root, cancellationToken))
            {
                count++;
            }

            ours.Add(clock.Elapsed.TotalMilliseconds);
            Check(count, "our walk");

            clock.Restart();
            var lines = await SnmpbulkwalkAsync(agent.LocalEndpoint.Port, cancellationToken);
            theirs.Add(clock.Elapsed.TotalMilliseconds);
            Check(lines, "snmpbulkwalk");
        }

        // The first run warms the JIT; the median of the other three is reported.
        figures.Add(new($"walk {WalkSize:N0} OIDs, max-repetitions {MaxRepetitions}, our SnmpClient (median of 3)", Median(ours.Skip(1)), "ms"));
        figures.Add(new($"walk {WalkSize:N0} OIDs, max-repetitions {MaxRepetitions}, net-snmp snmpbulkwalk incl. process start (median of 3)", Median(theirs.Skip(1)), "ms"));
    }

    private static async Task ThroughputAsync(List<Figure> figures, CancellationToken cancellationToken)
    {
        var oid = Root.Append(5).Append(1);
        var agents = new List<SnmpAgent>();
        try
        {
            for (var i = 0; i < Agents; i++)
            {
                var table = new SnmpMibTable();
                table.Set(oid, SnmpValue.Integer(i));
                var agent = new SnmpAgent(new IPEndPoint(IPAddress.Loopback, 0), new SnmpCommunityViews("public", table)) { V3Users = [V3User] };
                await agent.StartAsync(cancellationToken);
                agents.Add(agent);
            }

            await using var client = new SnmpClient();
            var targets = agents.Select(a => SnmpTarget.V2c(a.LocalEndpoint, "public") with { Timeout = TimeSpan.FromSeconds(2) }).ToArray();
            var size = new SnmpMessage(SnmpVersion.V2c, "public", SnmpPdu.Request(SnmpPduType.GetRequest, 1_000_000, [oid])).GetEncodedLength();
            await RateAsync(n => client.GetAsync(targets[n % Agents], [oid], cancellationToken), TimeSpan.FromSeconds(1));
            var snmpRate = await RateAsync(n => client.GetAsync(targets[n % Agents], [oid], cancellationToken), ThroughputWindow);
            figures.Add(new($"GET throughput, {Agents} SnmpAgents, one SnmpClient, {InFlight} in flight", snmpRate, "requests/s"));
            figures.Add(new("  failed GETs during the run (timeouts, send errors)", Interlocked.Exchange(ref _failures, 0), "count"));

            // The same agents and OID over SNMPv3 authPriv (SHA-256 + AES-128, contextName "public"); discovery and key
            // localisation happen in the warm-up second.
            var v3Targets = agents.Select(a => new SnmpTarget(a.LocalEndpoint, V3User) with { Timeout = TimeSpan.FromSeconds(2) }).ToArray();
            await RateAsync(n => client.GetAsync(v3Targets[n % Agents], [oid], cancellationToken), TimeSpan.FromSeconds(1));
            var v3Rate = await RateAsync(n => client.GetAsync(v3Targets[n % Agents], [oid], cancellationToken), ThroughputWindow);
            figures.Add(new($"GET throughput over SNMPv3 authPriv (SHA-256/AES), {Agents} SnmpAgents, one SnmpClient, {InFlight} in flight", v3Rate, "requests/s"));
            figures.Add(new("  failed v3 GETs during the run (timeouts, send errors)", Interlocked.Exchange(ref _failures, 0), "count"));
            figures.Add(new("SNMPv3 authPriv GET rate as a share of the v2c rate", 100 * v3Rate / snmpRate, "%"));

            var echoes = new List<UdpEcho>();
            for (var i = 0; i < Agents; i++)
            {
                echoes.Add(new UdpEcho());
            }

            await using var echoClient = new UdpEchoClient();
            var addresses = echoes.Select(e => e.Endpoint.Serialize()).ToArray();
            await RateAsync(n => echoClient.RoundTripAsync(addresses[n % Agents], size, cancellationToken), TimeSpan.FromSeconds(1));
            var echoRate = await RateAsync(n => echoClient.RoundTripAsync(addresses[n % Agents], size, cancellationToken), ThroughputWindow);
            figures.Add(new($"raw loopback UDP echo round trips, {Agents} echo sockets, {size}-byte datagrams, {InFlight} in flight", echoRate, "round trips/s"));
            figures.Add(new("SNMP GET rate as a share of the raw echo rate", 100 * snmpRate / echoRate, "%"));
            foreach (var echo in echoes)
            {
                await echo.DisposeAsync();
            }
        }
        finally
        {
            foreach (var agent in agents)
            {
                await agent.DisposeAsync();
            }
        }
    }

    /// <summary>Keeps <see cref="InFlight"/> requests going for the window; returns completions per second.</summary>
    private static async Task<double> RateAsync(Func<int, Task> request, TimeSpan window)
    {
        var completed = 0;
        var next = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, InFlight).Select(async _ =>
        {
            while (clock.Elapsed < window)
            {
                try
                {
                    await request(Interlocked.Increment(ref next));
                    Interlocked.Increment(ref completed);
                }
                catch (SnmpException e)
                {
                    // Counted and shown rather than ending the run: a loaded 2-core box may drop a datagram.
                    Interlocked.Increment(ref _failures);
                    Console.WriteLine($"  request failed: {e.Message} {e.InnerException?.Message}");
                }
            }
        });
        await Task.WhenAll(workers);
        return completed / clock.Elapsed.TotalSeconds;
    }

    private static async Task<int> SnmpbulkwalkAsync(int port, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("snmpbulkwalk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-v2c", "-c", "public", "-On", "-Oe", $"-Cr{MaxRepetitions}", "-t", "5", $"127.0.0.1:{port}", Root.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MIBS"] = string.Empty;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("snmpbulkwalk did not start.");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        // Count varbinds only: at the end of the MIB view snmpbulkwalk adds a "No more variables" line.
        return output.Split('\n').Count(l => l.StartsWith('.') && !l.Contains("No more variables", StringComparison.Ordinal));
    }

    private static void Check(int count, string who)
    {
        if (count != WalkSize)
        {
            throw new InvalidOperationException($"{who} returned {count} varbinds, not {WalkSize}.");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
