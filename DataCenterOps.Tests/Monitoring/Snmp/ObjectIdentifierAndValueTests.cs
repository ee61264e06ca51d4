using System.Net;
using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Tests.Monitoring.Snmp;

public sealed class ObjectIdentifierAndValueTests
{
    [Theory]
    [InlineData("1.3.6.1.2.1.33.1.2.1.0")]
    [InlineData("0.0")]
    [InlineData("2.999.4294967295")]
    public void Oid_ParsesAndPrintsDotted(string text)
    {
        Assert.Equal(text, ObjectIdentifier.Parse(text).ToString());
        Assert.Equal(ObjectIdentifier.Parse(text), ObjectIdentifier.Parse("." + text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("1..3")]
    [InlineData("1.3.")]
    [InlineData("1.-3")]
    [InlineData("1.+3")]
    [InlineData("1.3.4294967296")]
    [InlineData("1.3.a")]
    [InlineData(" 1.3")]
    public void Oid_RefusesWhatIsNotAnOid(string text) => Assert.False(ObjectIdentifier.TryParse(text, out _));

    [Fact]
    public void Oid_RefusesMoreThan128SubIdentifiers()
    {
        Assert.True(ObjectIdentifier.TryParse(string.Join('.', Enumerable.Repeat("1", 128)), out _));
        Assert.False(ObjectIdentifier.TryParse(string.Join('.', Enumerable.Repeat("1", 129)), out _));
    }

    [Fact]
    public void Oid_OrdersAsSnmpDoes()
    {
        var sorted = new[] { "1.3.6.1.2.1.33.1.10", "1.3.6.1.2.1.33.1.2.1.0", "1.3.6.1.2.1.33.1.2", "1.3.6.1.2.1.33.1.2.10" }
            .Select(ObjectIdentifier.Parse).Order().Select(o => o.ToString());

        Assert.Equal(["1.3.6.1.2.1.33.1.2", "1.3.6.1.2.1.33.1.2.1.0", "1.3.6.1.2.1.33.1.2.10", "1.3.6.1.2.1.33.1.10"], sorted);
    }

    [Fact]
    public void Oid_StartsWithAndAppend()
    {
        var ups = ObjectIdentifier.Parse("1.3.6.1.2.1.33");

        Assert.True(ups.Append(1).Append(2).StartsWith(ups));
        Assert.False(ObjectIdentifier.Parse("1.3.6.1.2.1.3").StartsWith(ups));
        Assert.Equal("1.3.6.1.2.1.33.4294967295", ups.Append(uint.MaxValue).ToString());
        Assert.Equal(ups, ups.Append(9).Parent());
    }

    public static TheoryData<SnmpValue> Values() =>
    [
        SnmpValue.Integer(0), SnmpValue.Integer(127), SnmpValue.Integer(128), SnmpValue.Integer(-129),
        SnmpValue.Integer(long.MinValue), SnmpValue.Integer(long.MaxValue), SnmpValue.OctetString(""),
        SnmpValue.OctetString("Baterai normal — 100 %"), SnmpValue.OctetString([0x00, 0xFF]), SnmpValue.Null,
        SnmpValue.Oid(ObjectIdentifier.Parse("2.999.1")), SnmpValue.IpAddress(IPAddress.Parse("192.168.10.254")),
        SnmpValue.Counter32(uint.MaxValue), SnmpValue.Gauge32(0), SnmpValue.TimeTicks(0x80), SnmpValue.Opaque([0x9F, 0x78, 0x04]),
        SnmpValue.Counter64(ulong.MaxValue), SnmpValue.Counter64(0), SnmpValue.NoSuchObject, SnmpValue.NoSuchInstance,
        SnmpValue.EndOfMibView,
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void EveryValue_RoundTripsThroughTheCodec(SnmpValue value)
    {
        var oid = ObjectIdentifier.Parse("1.3.6.1.4.1.318.1.1.1.2.2.1.0");
        var message = new SnmpMessage(SnmpVersion.V2c, "public", SnmpPdu.Response(int.MaxValue, SnmpErrorStatus.NoError, 0, [new(oid, value)]));

        var decoded = SnmpMessage.Decode(message.Encode());

        Assert.Equal(new Varbind(oid, value), Assert.Single(decoded.Pdu.Varbinds));
        Assert.Equal(int.MaxValue, decoded.Pdu.RequestId);
    }

    [Fact]
    public void Values_ReportNumbersExceptionsAndText()
    {
        Assert.True(SnmpValue.Counter64(ulong.MaxValue).TryGetNumber(out var big));
        Assert.Equal(ulong.MaxValue, big);
        Assert.True(SnmpValue.Integer(-5).TryGetNumber(out var negative));
        Assert.Equal(-5, negative);
        Assert.False(SnmpValue.OctetString("42").TryGetNumber(out _));
        Assert.True(SnmpValue.EndOfMibView.IsException);
        Assert.False(SnmpValue.Null.IsException);
        Assert.Equal("noSuchInstance", SnmpValue.NoSuchInstance.ToString());
        Assert.Equal("10.0.0.1", SnmpValue.IpAddress(IPAddress.Parse("10.0.0.1")).ToString());
        Assert.Equal("00FF", SnmpValue.OctetString([0x00, 0xFF]).ToString());
        Assert.Equal("UPS-1", SnmpValue.OctetString("UPS-1").ToString());
    }

    [Fact]
    public void Encoding_RefusesOidsBerCannotCarry() =>
        Assert.Throws<ArgumentException>(() => new SnmpMessage(SnmpVersion.V2c, "public",
            SnmpPdu.Request(SnmpPduType.GetRequest, 1, [ObjectIdentifier.Parse("3.1")])).Encode());
}
