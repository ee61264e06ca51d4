using System.Net;
using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>Captured snmpd replies decode to exactly what snmpget printed for them, and re-encode byte for byte.</summary>
public sealed class SnmpGoldenPacketTests
{
    private static ObjectIdentifier Oid(string text) => ObjectIdentifier.Parse(text);

    [Fact]
    public void GetResponse_WithEveryType_DecodesToTheValuesSnmpgetShowed()
    {
        var message = SnmpMessage.Decode(GoldenPackets.GetResponseManyTypes);

        Assert.Equal(SnmpVersion.V2c, message.Version);
        Assert.Equal("public"u8.ToArray(), message.Community.ToArray());
        Assert.Equal(SnmpPduType.Response, message.Pdu.Type);
        Assert.Equal(0x4924FBCB, message.Pdu.RequestId);
        Assert.Equal(SnmpErrorStatus.NoError, message.Pdu.ErrorStatus);
        var v = message.Pdu.Varbinds;
        Assert.Equal(12, v.Count);
        Assert.Equal(new Varbind(Oid("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(150)), v[0]);
        Assert.Equal(new Varbind(Oid("1.3.6.1.2.1.33.1.2.1.0"), SnmpValue.Integer(2)), v[1]);
        Assert.Equal(SnmpValue.OctetString("ACME UPS"), v[2].Value);
        Assert.Equal(SnmpValue.Oid(Oid("1.3.6.1.4.1.8072.3.2.10")), v[3].Value);
        Assert.Equal(new Varbind(Oid("1.3.6.1.2.1.4.20.1.1.127.0.0.1"), SnmpValue.IpAddress(IPAddress.Loopback)), v[4]);
        Assert.Equal(SnmpValue.Counter64(104556), v[5].Value);
        Assert.Equal(SnmpValue.Opaque(Convert.FromHexString("9F78043F8B0000")), v[6].Value);
        Assert.Equal(SnmpValue.Counter32(7), v[7].Value);
        Assert.Equal(SnmpValue.Gauge32(545), v[8].Value);
        Assert.Equal(SnmpValue.NoSuchObject, v[9].Value);
        Assert.Equal(SnmpValue.NoSuchInstance, v[10].Value);
        Assert.Equal(new Varbind(Oid("1.3.6.1.2.1.33.1.2.2.0"), SnmpValue.Gauge32(3)), v[11]);
    }

    [Fact]
    public void GetBulkResponse_DecodesEightRepetitionsInOrder()
    {
        var varbinds = SnmpMessage.Decode(GoldenPackets.GetBulkResponse).Pdu.Varbinds;

        Assert.Equal(
            ["1.3.6.1.2.1.33.1.1.1.0", "1.3.6.1.2.1.33.1.1.2.0", "1.3.6.1.2.1.33.1.1.4.0", "1.3.6.1.2.1.33.1.2.1.0",
             "1.3.6.1.2.1.33.1.2.2.0", "1.3.6.1.2.1.33.1.2.5.0", "1.3.6.1.2.1.33.1.3.1.0", "1.3.6.1.2.1.55.1.1.0"],
            varbinds.Select(v => v.Oid.ToString()));
        Assert.Equal(SnmpValue.Oid(Oid("1.3.6.1.4.1.99")), varbinds[1].Value);
        Assert.Equal(SnmpValue.OctetString("Linex01"), varbinds[2].Value);
    }

    [Fact]
    public void GetNextPastTheEnd_DecodesEndOfMibView()
    {
        var varbind = Assert.Single(SnmpMessage.Decode(GoldenPackets.GetNextEndOfMibView).Pdu.Varbinds);

        Assert.Equal(new Varbind(Oid("1.4"), SnmpValue.EndOfMibView), varbind);
    }

    [Fact]
    public void V1ErrorResponse_DecodesNoSuchNameAtIndexOne()
    {
        var message = SnmpMessage.Decode(GoldenPackets.V1NoSuchName);

        Assert.Equal(SnmpVersion.V1, message.Version);
        Assert.Equal(SnmpErrorStatus.NoSuchName, message.Pdu.ErrorStatus);
        Assert.Equal(1, message.Pdu.ErrorIndex);
        Assert.Equal(SnmpValue.Null, Assert.Single(message.Pdu.Varbinds).Value);
    }

    [Fact]
    public void EveryGoldenPacket_ReEncodesToTheSameBytes()
    {
        foreach (var packet in GoldenPackets.All)
        {
            Assert.Equal(packet, SnmpMessage.Decode(packet).Encode());
        }
    }
}
