using System.Globalization;
using System.Net;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Agent;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>net-snmp's snmpget and snmpbulkwalk read our SnmpAgent and see exactly the values it holds.</summary>
public sealed class NetSnmpToolsAgainstOurAgentTests : IAsyncLifetime
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);
    private readonly SnmpMibTable _table = new();
    private SnmpAgent _agent = null!;

    public async Task InitializeAsync()
    {
        _agent = new SnmpAgent(new IPEndPoint(IPAddress.Loopback, 0), new SnmpCommunityViews("secret-ro", _table), null);
        await _agent.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _agent.DisposeAsync();

    private static ObjectIdentifier Ups(string suffix) => ObjectIdentifier.Parse("1.3.6.1.2.1.33.1." + suffix);

    private string Address => $"127.0.0.1:{_agent.LocalEndpoint.Port}";

    [Fact]
    public async Task Snmpget_SeesEveryTypeAsHeld()
    {
        var held = new Varbind[]
        {
            new(Ups("1.1.0"), SnmpValue.OctetString("DCOps UPS")),
            new(Ups("2.1.0"), SnmpValue.Integer(2)),
            new(Ups("2.6.0"), SnmpValue.Integer(-12)),
            new(Ups("3.1.0"), SnmpValue.Counter32(4_000_000_000)),
            new(Ups("6.1.0"), SnmpValue.Gauge32(3)),
            new(Ups("6.2.1.2.1"), SnmpValue.Oid(Ups("6.3.2"))),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(123_456)),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.4.20.1.1.10.0.0.7"), SnmpValue.IpAddress(IPAddress.Parse("10.0.0.7"))),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.31.1.1.1.6.1"), SnmpValue.Counter64(18_000_000_000_000_000_000)),
        };
        foreach (var varbind in held)
        {
            _table.Set(varbind.Oid, varbind.Value);
        }

        var lines = await NetSnmpTool.RunAsync("snmpget",
            ["-v2c", "-c", "secret-ro", "-On", "-Oe", "-r", "1", "-t", "3", Address, .. held.Select(v => v.Oid.ToString()),
             Ups("9.9.0").ToString(), Ups("2.1.1").ToString()], ToolTimeout);

        var seen = Parse(lines);
        Assert.Equal(held.Length + 2, seen.Count);
        foreach (var varbind in held)
        {
            Assert.StartsWith(NetSnmpText(varbind.Value), seen[varbind.Oid], StringComparison.Ordinal);
        }

        Assert.Equal("No Such Object available on this agent at this OID", seen[Ups("9.9.0")]);
        Assert.Equal("No Such Instance currently exists at this OID", seen[Ups("2.1.1")]);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(60)]
    public async Task Snmpbulkwalk_SeesTheWholeTableInOrder(int maxRepetitions)
    {
        var held = new List<Varbind>();
        for (uint line = 1; line <= 150; line++)
        {
            held.Add(new(Ups("4.4.1.2").Append(line), SnmpValue.Integer(200 + line)));
            held.Add(new(Ups("4.4.1.5").Append(line), SnmpValue.Gauge32(line % 100)));
        }

        foreach (var varbind in held.OrderByDescending(v => v.Oid))
        {
            _table.Set(varbind.Oid, varbind.Value);
        }

        _table.Set(ObjectIdentifier.Parse("1.3.6.1.2.1.34.1.0"), SnmpValue.Integer(1));

        var lines = await NetSnmpTool.RunAsync("snmpbulkwalk",
            ["-v2c", "-c", "secret-ro", "-On", "-Oe", $"-Cr{maxRepetitions}", "-r", "1", "-t", "3", Address, "1.3.6.1.2.1.33"], ToolTimeout);

        var expected = held.OrderBy(v => v.Oid).ToList();
        Assert.Equal(expected.Count, lines.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal($".{expected[i].Oid} = {NetSnmpText(expected[i].Value)}", lines[i]);
        }
    }

    [Fact]
    public async Task SnmpgetV1_IsAnswered()
    {
        _table.Set(Ups("2.4.0"), SnmpValue.Integer(97));

        var lines = await NetSnmpTool.RunAsync("snmpget",
            ["-v1", "-c", "secret-ro", "-On", "-Oe", "-r", "1", "-t", "3", Address, Ups("2.4.0").ToString()], ToolTimeout);

        Assert.Equal($".{Ups("2.4.0")} = INTEGER: 97", Assert.Single(lines));
    }

    /// <summary>OID → text after " = " in net-snmp's -On output.</summary>
    private static Dictionary<ObjectIdentifier, string> Parse(IEnumerable<string> lines) =>
        lines.Select(l => l.Split(" = ", 2))
            .ToDictionary(p => ObjectIdentifier.Parse(p[0]), p => p[1]);

    /// <summary>How net-snmp prints a value with -Oe (Timeticks only up to the raw count).</summary>
    private static string NetSnmpText(SnmpValue value) => value.Type switch
    {
        SnmpValueType.Integer => $"INTEGER: {value}",
        SnmpValueType.OctetString => $"STRING: \"{value}\"",
        SnmpValueType.Counter32 => $"Counter32: {value}",
        SnmpValueType.Gauge32 => $"Gauge32: {value}",
        SnmpValueType.Counter64 => $"Counter64: {value}",
        SnmpValueType.TimeTicks => string.Create(CultureInfo.InvariantCulture, $"Timeticks: ({value.AsUInt64()})"),
        SnmpValueType.ObjectIdentifier => $"OID: .{value}",
        SnmpValueType.IpAddress => $"IpAddress: {value}",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.Type, "Not used in these tests."),
    };
}
