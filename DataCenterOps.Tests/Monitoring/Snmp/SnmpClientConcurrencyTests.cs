using System.Net;
using System.Net.Sockets;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Agent;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>One client socket, many agents, many requests in flight; foreign replies never reach a waiter.</summary>
public sealed class SnmpClientConcurrencyTests : IAsyncLifetime
{
    private const int AgentCount = 6;
    private static readonly ObjectIdentifier Load = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.4.4.1.5.1");
    private static readonly ObjectIdentifier Charge = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.4.0");
    private readonly List<SnmpAgent> _agents = [];
    private readonly SnmpClient _client = new();

    public async Task InitializeAsync()
    {
        for (var i = 0; i < AgentCount; i++)
        {
            var table = new SnmpMibTable();
            table.Set(Load, SnmpValue.Integer(10 + i));
            table.Set(Charge, SnmpValue.Gauge32((uint)(50 + i)));
            var agent = new SnmpAgent(new IPEndPoint(IPAddress.Loopback, 0), new SnmpCommunityViews("public", table));
            await agent.StartAsync(CancellationToken.None);
            _agents.Add(agent);
        }
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }
    }

    private SnmpTarget Target(int agent) =>
        SnmpTarget.V2c(_agents[agent].LocalEndpoint, "public") with { Timeout = TimeSpan.FromSeconds(3), Retries = 2 };

    [Fact]
    public async Task ManyConcurrentRequests_ToSeveralAgents_EachGetTheirOwnAnswer()
    {
        var requests = Enumerable.Range(0, 600).Select(async n =>
        {
            var agent = n % AgentCount;
            var result = n % 3 == 0
                ? await _client.GetNextAsync(Target(agent), [Charge.Parent()])
                : await _client.GetAsync(Target(agent), [Load, Charge]);
            return (agent, result);
        });

        var answers = await Task.WhenAll(requests);

        foreach (var (agent, result) in answers)
        {
            if (result.Count == 1)
            {
                Assert.Equal(new Varbind(Charge, SnmpValue.Gauge32((uint)(50 + agent))), result[0]);
            }
            else
            {
                Assert.Equal(SnmpValue.Integer(10 + agent), result[0].Value);
                Assert.Equal(SnmpValue.Gauge32((uint)(50 + agent)), result[1].Value);
            }
        }

        Assert.Equal(0, _client.Statistics.RepliesDropped);
        Assert.Equal(0, _client.Statistics.RepliesRejected);
    }

    [Fact]
    public async Task ReplyWithForeignRequestId_IsDroppedAndCounted_AndTheRealReplyIsDelivered()
    {
        using var fake = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var fakeAgent = Task.Run(async () =>
        {
            var received = await fake.ReceiveAsync();
            var request = SnmpMessage.Decode(received.Buffer);
            var oid = request.Pdu.Varbinds[0].Oid;
            // First a well-formed reply carrying someone else's request-id and a wrong value ...
            var foreign = new SnmpMessage(SnmpVersion.V2c, "public",
                SnmpPdu.Response(request.Pdu.RequestId ^ 0x5A5A, SnmpErrorStatus.NoError, 0, [new Varbind(oid, SnmpValue.Integer(666))]));
            await fake.SendAsync(foreign.Encode(), received.RemoteEndPoint);
            // ... then the real one.
            var real = new SnmpMessage(SnmpVersion.V2c, "public",
                SnmpPdu.Response(request.Pdu.RequestId, SnmpErrorStatus.NoError, 0, [new Varbind(oid, SnmpValue.Integer(42))]));
            await fake.SendAsync(real.Encode(), received.RemoteEndPoint);
        });
        var target = SnmpTarget.V2c((IPEndPoint)fake.Client.LocalEndPoint!, "public") with { Timeout = TimeSpan.FromSeconds(5), Retries = 0 };

        var result = await _client.GetAsync(target, [Load]);
        await fakeAgent;

        Assert.Equal(SnmpValue.Integer(42), Assert.Single(result).Value);
        Assert.Equal(1, _client.Statistics.RepliesDropped);
    }

    [Fact]
    public async Task ReplyFromAnotherAddress_WithTheRightRequestId_IsDropped()
    {
        using var fake = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var impostor = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var fakeAgent = Task.Run(async () =>
        {
            var received = await fake.ReceiveAsync();
            var request = SnmpMessage.Decode(received.Buffer);
            var reply = new SnmpMessage(SnmpVersion.V2c, "public",
                SnmpPdu.Response(request.Pdu.RequestId, SnmpErrorStatus.NoError, 0, [new Varbind(Load, SnmpValue.Integer(1))]));
            await impostor.SendAsync(reply.Encode(), received.RemoteEndPoint);
        });
        var target = SnmpTarget.V2c((IPEndPoint)fake.Client.LocalEndPoint!, "public") with { Timeout = TimeSpan.FromMilliseconds(500), Retries = 0 };

        await Assert.ThrowsAsync<SnmpTimeoutException>(() => _client.GetAsync(target, [Load]));
        await fakeAgent;
        Assert.Equal(1, _client.Statistics.RepliesDropped);
    }

    [Fact]
    public async Task SilentAgent_TimesOut_WhileOthersAnswer()
    {
        var silent = new SnmpMibTable { Fault = SnmpAgentFault.Silent };
        await using var agent = new SnmpAgent(new IPEndPoint(IPAddress.Loopback, 0), new SnmpCommunityViews("public", silent));
        await agent.StartAsync(CancellationToken.None);
        var silentTarget = SnmpTarget.V2c(agent.LocalEndpoint, "public") with { Timeout = TimeSpan.FromMilliseconds(300), Retries = 1 };

        var timedOut = Assert.ThrowsAsync<SnmpTimeoutException>(() => _client.GetAsync(silentTarget, [Load]));
        var answered = await _client.GetAsync(Target(0), [Load]);

        await timedOut;
        Assert.Equal(SnmpValue.Integer(10), answered[0].Value);
        Assert.Equal(1, _client.Statistics.Retries);
    }

    [Fact]
    public async Task GarbageAgent_IsRejectedWithTheDecodeError_EveryTime()
    {
        var garbage = new SnmpMibTable { Fault = SnmpAgentFault.Garbage };
        garbage.Set(Load, SnmpValue.Integer(5));
        await using var agent = new SnmpAgent(new IPEndPoint(IPAddress.Loopback, 0), new SnmpCommunityViews("public", garbage));
        await agent.StartAsync(CancellationToken.None);
        var target = SnmpTarget.V2c(agent.LocalEndpoint, "public") with { Timeout = TimeSpan.FromMilliseconds(300), Retries = 0 };

        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAsync<SnmpDecodeException>(() => _client.GetAsync(target, [Load]));
        }

        Assert.Equal(20, _client.Statistics.RepliesRejected);
    }
}
