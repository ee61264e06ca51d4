using System.Net;
using System.Net.Sockets;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Agent;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>Our agent's protocol behaviour, read through our client (and raw datagrams for v1).</summary>
public sealed class SnmpAgentBehaviourTests : IAsyncLifetime
{
    private static readonly ObjectIdentifier Column = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.4.4.1.2");
    private readonly SnmpMibTable _table = new();
    private readonly SnmpClient _client = new();
    private SnmpAgent _agent = null!;

    public async Task InitializeAsync()
    {
        for (uint i = 1; i <= 400; i++)
        {
            _table.Set(Column.Append(i), SnmpValue.OctetString($"line {i} of the output table"));
        }

        _agent = new SnmpAgent(new IPEndPoint(IPAddress.Loopback, 0), new SnmpCommunityViews("public", _table)) { MaxMessageSize = 1472 };
        await _agent.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _agent.DisposeAsync();
    }

    private SnmpTarget Target => SnmpTarget.V2c(_agent.LocalEndpoint, "public") with { Timeout = TimeSpan.FromSeconds(3) };

    [Fact]
    public async Task GetBulk_IsTruncatedToTheMessageSize_NotRefused()
    {
        var result = await _client.GetBulkAsync(Target, 0, 400, [Column]);

        Assert.InRange(result.Count, 10, 399);
        Assert.Equal(Column.Append(1), result[0].Oid);
    }

    [Fact]
    public async Task Get_TooBigForOneMessage_AnswersTooBig()
    {
        var oids = Enumerable.Range(1, 200).Select(i => Column.Append((uint)i)).ToArray();

        var error = await Assert.ThrowsAsync<SnmpErrorStatusException>(() => _client.GetAsync(Target, oids));

        Assert.Equal(SnmpErrorStatus.TooBig, error.ErrorStatus);
    }

    [Fact]
    public async Task Walk_CrossesTruncatedBulkPages_AndGetNextWalkMatches()
    {
        var bulk = await _client.WalkAsync(Target with { MaxRepetitions = 100 }, Column).ToListAsync();
        var next = await _client.WalkAsync(Target with { UseGetBulk = false }, Column).ToListAsync();

        Assert.Equal(400, bulk.Count);
        Assert.Equal(bulk, next);
        Assert.Equal(SnmpValue.OctetString("line 400 of the output table"), bulk[^1].Value);
    }

    [Fact]
    public async Task Get_DistinguishesNoSuchInstanceFromNoSuchObject_AndGetNextEndsWithEndOfMibView()
    {
        var get = await _client.GetAsync(Target, [Column.Append(999), ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.9.1.0")]);
        var next = await _client.GetNextAsync(Target, [Column.Append(400)]);

        Assert.Equal(SnmpValueType.NoSuchInstance, get[0].Value.Type);
        Assert.Equal(SnmpValueType.NoSuchObject, get[1].Value.Type);
        Assert.Equal(new Varbind(Column.Append(400), SnmpValue.EndOfMibView), Assert.Single(next));
    }

    [Fact]
    public async Task V1Get_OfAMissingOid_AnswersNoSuchName()
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var request = new SnmpMessage(SnmpVersion.V1, "public",
            SnmpPdu.Request(SnmpPduType.GetRequest, 77, [Column.Append(1), Column.Append(999)]));

        await udp.SendAsync(request.Encode(), _agent.LocalEndpoint);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var reply = SnmpMessage.Decode((await udp.ReceiveAsync(timeout.Token)).Buffer);

        Assert.Equal(SnmpVersion.V1, reply.Version);
        Assert.Equal(77, reply.Pdu.RequestId);
        Assert.Equal(SnmpErrorStatus.NoSuchName, reply.Pdu.ErrorStatus);
        Assert.Equal(2, reply.Pdu.ErrorIndex);
    }

    [Fact]
    public async Task UnknownCommunity_GetsNoAnswer()
    {
        var target = SnmpTarget.V2c(_agent.LocalEndpoint, "private") with { Timeout = TimeSpan.FromMilliseconds(300), Retries = 0 };

        await Assert.ThrowsAsync<SnmpTimeoutException>(() => _client.GetAsync(target, [Column.Append(1)]));
        Assert.Equal(1, _agent.RequestsIgnored);
    }

    [Fact]
    public async Task ValuesChangedByTheSimulator_AreServedAtOnce()
    {
        _table.Set(Column.Append(7), SnmpValue.Integer(230));
        var before = await _client.GetAsync(Target, [Column.Append(7)]);
        _table.Set(Column.Append(7), SnmpValue.Integer(0));
        _table.Remove(Column.Append(8));
        var after = await _client.GetAsync(Target, [Column.Append(7), Column.Append(8)]);

        Assert.Equal(SnmpValue.Integer(230), before[0].Value);
        Assert.Equal(SnmpValue.Integer(0), after[0].Value);
        Assert.Equal(SnmpValueType.NoSuchInstance, after[1].Value.Type);
    }
}
