using System.Globalization;
using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>Our manager reading RFC 1628 UPS-MIB values from a real net-snmp snmpd.</summary>
public sealed class SnmpClientAgainstSnmpdTests(SnmpdFixture snmpd) : IClassFixture<SnmpdFixture>, IAsyncLifetime
{
    private readonly SnmpClient _client = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _client.DisposeAsync();

    private static ObjectIdentifier Ups(string suffix) => ObjectIdentifier.Parse(SnmpdFixture.Ups + suffix);

    [Fact]
    public async Task Get_ReadsManyUpsValuesInOneRequest()
    {
        var oids = SnmpdFixture.Overrides.Select(o => Ups(o.Suffix)).ToArray();

        var result = await _client.GetAsync(snmpd.Target(), oids);

        Assert.Equal(oids, result.Select(v => v.Oid));
        Assert.Equal(SnmpValue.OctetString("DCOps UPS"), result[0].Value);
        Assert.Equal(SnmpValue.Integer(2), result[1].Value);
        Assert.Equal(SnmpValue.Integer(545), result[4].Value);
        Assert.Equal(SnmpValue.Counter32(7), result[6].Value);
        Assert.Equal(SnmpValue.Gauge32(0), result[14].Value);
        for (var i = 0; i < oids.Length; i++)
        {
            var (_, type, text) = SnmpdFixture.Overrides[i];
            if (type is "integer")
            {
                Assert.True(result[i].Value.TryGetNumber(out var number));
                Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), number);
            }
        }
    }

    [Fact]
    public async Task Get_ReturnsStandardTypes_TimeTicksOidIpAddressCounter64Opaque()
    {
        var result = await _client.GetAsync(snmpd.Target(),
        [
            ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0"),
            ObjectIdentifier.Parse("1.3.6.1.2.1.1.2.0"),
            ObjectIdentifier.Parse("1.3.6.1.2.1.4.20.1.1.127.0.0.1"),
            ObjectIdentifier.Parse("1.3.6.1.2.1.31.1.1.1.6.1"),
            ObjectIdentifier.Parse("1.3.6.1.4.1.2021.10.1.6.1"),
        ]);

        Assert.Equal(SnmpValueType.TimeTicks, result[0].Value.Type);
        Assert.True(result[0].Value.AsUInt64() > 0);
        Assert.Equal(SnmpValueType.ObjectIdentifier, result[1].Value.Type);
        Assert.StartsWith("1.3.6.1.4.1.8072.", result[1].Value.ToString(), StringComparison.Ordinal);
        Assert.Equal(SnmpValue.IpAddress(System.Net.IPAddress.Loopback), result[2].Value);
        Assert.Equal(SnmpValueType.Counter64, result[3].Value.Type);
        Assert.Equal(SnmpValueType.Opaque, result[4].Value.Type);
        Assert.False(result[4].Value.Bytes.IsEmpty);
    }

    [Fact]
    public async Task Get_ReturnsNoSuchObjectAndNoSuchInstance_AsValues()
    {
        var result = await _client.GetAsync(snmpd.Target(),
            [Ups("9.9.0"), ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.1"), Ups("2.1.0")]);

        Assert.Equal(SnmpValueType.NoSuchObject, result[0].Value.Type);
        Assert.Equal(SnmpValueType.NoSuchInstance, result[1].Value.Type);
        Assert.True(result[1].Value.IsException);
        Assert.Equal(SnmpValue.Integer(2), result[2].Value);
    }

    [Fact]
    public async Task PassScriptValue_ChangesBetweenReads()
    {
        // snmpd caches a pass command's output per command line for a while, so read it once by
        // GETNEXT (script -n) and then by GET (script -g): the later read runs the script afresh.
        var oid = ObjectIdentifier.Parse(SnmpdFixture.ChangingOid);

        var first = Assert.Single(await _client.GetNextAsync(snmpd.Target(), [oid.Parent()]));
        var second = Assert.Single(await _client.GetAsync(snmpd.Target(), [oid]));

        Assert.Equal(oid, first.Oid);
        Assert.Equal(SnmpValueType.Gauge32, second.Value.Type);
        Assert.True(second.Value.AsUInt64() > first.Value.AsUInt64(), $"{second.Value} after {first.Value}");
    }

    [Fact]
    public async Task GetNext_ReturnsTheFollowingInstances()
    {
        var result = await _client.GetNextAsync(snmpd.Target(), [Ups("2.1"), Ups("2.3.0"), Ups("4.4.1.2")]);

        Assert.Equal([Ups("2.1.0"), Ups("2.4.0"), Ups("4.4.1.2.1")], result.Select(v => v.Oid));
        Assert.Equal(SnmpValue.Integer(100), result[1].Value);
    }

    [Fact]
    public async Task GetNext_PastTheEndOfTheMib_ReturnsEndOfMibView()
    {
        var result = await _client.GetNextAsync(snmpd.Target(), [ObjectIdentifier.Parse("1.4")]);

        Assert.Equal(SnmpValueType.EndOfMibView, Assert.Single(result).Value.Type);
    }

    [Fact]
    public async Task GetBulk_ReturnsNonRepeatersThenRepetitions()
    {
        var result = await _client.GetBulkAsync(snmpd.Target(), 1, 3, [Ups("2.1"), Ups("2")]);

        Assert.Equal(4, result.Count);
        Assert.Equal(Ups("2.1.0"), result[0].Oid);
        Assert.Equal([Ups("2.1.0"), Ups("2.2.0"), Ups("2.3.0")], result.Skip(1).Select(v => v.Oid));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Walk_ReturnsTheWholeUpsSubtreeInOrder_ByBulkAndByGetNext(bool useGetBulk)
    {
        var target = snmpd.Target() with { UseGetBulk = useGetBulk, MaxRepetitions = 5 };

        var walked = await _client.WalkAsync(target, ObjectIdentifier.Parse("1.3.6.1.2.1.33")).ToListAsync();

        var expected = SnmpdFixture.Overrides.Select(o => Ups(o.Suffix))
            .Append(ObjectIdentifier.Parse(SnmpdFixture.ChangingOid)).Order().ToArray();
        Assert.Equal(expected, walked.Select(v => v.Oid));
        Assert.Equal(SnmpValue.Integer(35), walked.Single(v => v.Oid == Ups("4.4.1.5.1")).Value);
    }

    [Fact]
    public async Task Walk_OfAnInstance_ReturnsThatInstance()
    {
        var walked = await _client.WalkAsync(snmpd.Target(), Ups("2.4.0")).ToListAsync();

        Assert.Equal(new Varbind(Ups("2.4.0"), SnmpValue.Integer(100)), Assert.Single(walked));
    }

    [Fact]
    public async Task WrongCommunity_TimesOut()
    {
        var target = snmpd.Target("not-the-community") with { Timeout = TimeSpan.FromMilliseconds(300), Retries = 1 };

        await Assert.ThrowsAsync<SnmpTimeoutException>(() => _client.GetAsync(target, [Ups("2.1.0")]));
        Assert.True(_client.Statistics.Timeouts >= 1);
    }
}
