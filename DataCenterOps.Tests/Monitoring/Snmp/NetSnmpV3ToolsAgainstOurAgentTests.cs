using System.Net;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Agent;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>net-snmp's snmpget -v3 and snmpbulkwalk -v3 read our SnmpAgent over USM; the contextName picks the view.</summary>
public sealed class NetSnmpV3ToolsAgainstOurAgentTests : IAsyncLifetime
{
    private const string Context = "ups-1";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);
    private readonly SnmpMibTable _table = new();
    private SnmpAgent _agent = null!;

    public static TheoryData<string, string, string> Users => new()
    {
        { "op-sha256-aes", "SHA-256", "AES" },
        { "op-sha512-aes256", "SHA-512", "AES-256" },
        { "op-md5-des", "MD5", "DES" },
        { "op-sha224-aes192", "SHA-224", "AES-192" },
    };

    public async Task InitializeAsync()
    {
        var users = Users.Select(row => Credentials((string)row[0], (string)row[1], (string)row[2])).ToList();
        _agent = new SnmpAgent(new IPEndPoint(IPAddress.Loopback, 0), new SnmpCommunityViews(Context, _table), null) { V3Users = users };
        await _agent.StartAsync(CancellationToken.None);
        for (uint line = 1; line <= 120; line++)
        {
            _table.Set(Ups("4.4.1.2").Append(line), SnmpValue.Integer(200 + line));
        }

        _table.Set(Ups("1.1.0"), SnmpValue.OctetString("DCOps UPS"));
        // Something after the walked subtree, so that the walk does not end at endOfMibView.
        _table.Set(ObjectIdentifier.Parse("1.3.6.1.2.1.34.1.0"), SnmpValue.Integer(1));
    }

    public async Task DisposeAsync() => await _agent.DisposeAsync();

    private static ObjectIdentifier Ups(string suffix) => ObjectIdentifier.Parse("1.3.6.1.2.1.33.1." + suffix);

    private static SnmpUsmCredentials Credentials(string user, string auth, string priv)
    {
        SnmpUsmProtocolNames.TryParseAuth(auth, out var a);
        SnmpUsmProtocolNames.TryParsePriv(priv, out var p);
        return new SnmpUsmCredentials(user, a, "auth-" + user, p, "priv-" + user);
    }

    private string Address => $"127.0.0.1:{_agent.LocalEndpoint.Port}";

    private static string[] V3(string user, string auth, string priv) =>
        ["-v3", "-l", "authPriv", "-u", user, "-a", auth, "-A", "auth-" + user, "-x", priv, "-X", "priv-" + user, "-n", Context,
         "-On", "-Oe", "-r", "1", "-t", "3"];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task SnmpgetV3_AuthPriv_ReadsTheView(string user, string auth, string priv)
    {
        var lines = await NetSnmpTool.RunAsync("snmpget", [.. V3(user, auth, priv), Address, Ups("1.1.0").ToString(), Ups("4.4.1.2.7").ToString()], ToolTimeout);

        Assert.Equal([$".{Ups("1.1.0")} = STRING: \"DCOps UPS\"", $".{Ups("4.4.1.2.7")} = INTEGER: 207"], lines);
    }

    [Theory]
    [MemberData(nameof(Users))]
    public async Task SnmpbulkwalkV3_AuthPriv_SeesTheWholeTableInOrder(string user, string auth, string priv)
    {
        var lines = await NetSnmpTool.RunAsync("snmpbulkwalk", [.. V3(user, auth, priv), "-Cr25", Address, Ups("4.4.1.2").ToString()], ToolTimeout);

        Assert.Equal(120, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal($".{Ups("4.4.1.2").Append((uint)i + 1)} = INTEGER: {201 + i}", lines[i]);
        }
    }

    [Fact]
    public async Task SnmpgetV3_WrongAuthPassword_IsToldAuthenticationFailure()
    {
        var arguments = V3("op-sha256-aes", "SHA-256", "AES");
        arguments[Array.IndexOf(arguments, "-A") + 1] = "not-the-password";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            NetSnmpTool.RunAsync("snmpget", [.. arguments, Address, Ups("1.1.0").ToString()], ToolTimeout));

        Assert.Contains("Authentication failure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SnmpgetV3_UnknownUser_IsToldUnknownUserName()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            NetSnmpTool.RunAsync("snmpget", [.. V3("nobody", "SHA", "AES"), Address, Ups("1.1.0").ToString()], ToolTimeout));

        Assert.Contains("Unknown user name", error.Message, StringComparison.Ordinal);
    }
}
