using System.Net;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Agent;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>Our manager and our agent over SNMPv3: the Reports our agent sends become the client's typed errors.</summary>
public sealed class SnmpV3ClientAgainstOurAgentTests : IAsyncLifetime
{
    private static readonly ObjectIdentifier Oid = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.4.0");
    private static readonly SnmpUsmCredentials User = new("dcops-sim", SnmpAuthProtocol.Sha256, "demo-auth-pass", SnmpPrivProtocol.Aes128, "demo-priv-pass", "ups-1");
    private readonly SnmpMibTable _table = new();
    private readonly FakeTimeProvider _agentTime = new(DateTimeOffset.UtcNow);
    private readonly SnmpClient _client = new();
    private SnmpAgent _agent = null!;

    public async Task InitializeAsync()
    {
        var authOnly = new SnmpUsmCredentials("auth-only", SnmpAuthProtocol.Sha1, "demo-auth-pass");
        _agent = new SnmpAgent(new IPEndPoint(IPAddress.Loopback, 0), new SnmpCommunityViews("ups-1", _table), null)
        {
            V3Users = [User, authOnly],
            TimeProvider = _agentTime,
        };
        await _agent.StartAsync(CancellationToken.None);
        _table.Set(Oid, SnmpValue.Integer(97));
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _agent.DisposeAsync();
    }

    private SnmpTarget Target(SnmpUsmCredentials credentials) =>
        new SnmpTarget(_agent.LocalEndpoint, credentials) with { Timeout = TimeSpan.FromSeconds(2), Retries = 0 };

    [Fact]
    public async Task Get_AuthPriv_ReadsTheContextsView()
    {
        var result = await _client.GetAsync(Target(User), [Oid]);

        Assert.Equal(SnmpValue.Integer(97), Assert.Single(result).Value);
    }

    [Fact]
    public async Task WrongPrivPassword_IsADecryptionError_FromOurAgentsReport()
    {
        var wrong = new SnmpUsmCredentials(User.User, User.AuthProtocol, User.AuthPassword, User.PrivProtocol, "not-the-priv-pass", "ups-1");

        var error = await Assert.ThrowsAsync<SnmpDecryptionErrorException>(() => _client.GetAsync(Target(wrong), [Oid]));

        Assert.Contains("wrong privacy password for user 'dcops-sim'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongAuthPassword_IsAWrongDigestError()
    {
        var wrong = new SnmpUsmCredentials(User.User, User.AuthProtocol, "not-the-auth-pass", User.PrivProtocol, User.PrivPassword, "ups-1");

        await Assert.ThrowsAsync<SnmpWrongDigestException>(() => _client.GetAsync(Target(wrong), [Oid]));
    }

    [Fact]
    public async Task UnknownContext_IsAnUnknownContextError()
    {
        var error = await Assert.ThrowsAsync<SnmpUnknownContextException>(() => _client.GetAsync(Target(User with { ContextName = "ups-9" }), [Oid]));

        Assert.Contains("no context 'ups-9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivacyForAnAuthOnlyUser_IsAnUnsupportedSecurityLevelError()
    {
        var asked = new SnmpUsmCredentials("auth-only", SnmpAuthProtocol.Sha1, "demo-auth-pass", SnmpPrivProtocol.Des, "demo-priv-pass", "ups-1");

        await Assert.ThrowsAsync<SnmpUnsupportedSecurityLevelException>(() => _client.GetAsync(Target(asked), [Oid]));
    }

    [Fact]
    public async Task AgentClockJumpingAhead_IsFollowedAfterOneNotInTimeWindowReport()
    {
        await _client.GetAsync(Target(User), [Oid]);

        _agentTime.Advance(TimeSpan.FromSeconds(600));
        var result = await _client.GetAsync(Target(User), [Oid]);

        Assert.Equal(SnmpValue.Integer(97), Assert.Single(result).Value);
    }

    [Fact]
    public async Task Walk_ByGetBulk_ReturnsEveryRow_WithinTheMessageSize()
    {
        for (uint i = 1; i <= 300; i++)
        {
            _table.Set(ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.4.4.1.2").Append(i), SnmpValue.OctetString(new string('x', 40)));
        }

        var target = Target(User) with { MaxRepetitions = 200 };
        var walked = await _client.WalkAsync(target, ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.4.4.1.2")).ToListAsync();

        Assert.Equal(300, walked.Count);
    }
}
