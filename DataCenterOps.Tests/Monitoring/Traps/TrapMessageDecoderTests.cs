using System.Net;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Traps;

namespace DataCenterOps.Tests.Monitoring.Traps;

public sealed class TrapMessageDecoderTests
{
    private static readonly CommunityTrapSecurityProcessor Processor = new();

    [Fact]
    public void V1Trap_IsTranslatedPerRfc3584_WithUptimeTrapOidOriginalVarbindsThenAddressCommunityEnterprise()
    {
        var result = Processor.Process(TrapPackets.V1EnterpriseSpecific, out _)!;
        var n = result.Notification;

        Assert.Equal(SnmpPduType.TrapV1, n.PduType);
        Assert.Equal(
            [TrapOids.SysUpTime, TrapOids.SnmpTrapOid, ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.3.0"), TrapOids.SnmpTrapAddress, TrapOids.SnmpTrapCommunity, TrapOids.SnmpTrapEnterprise],
            n.Varbinds.Select(v => v.Oid));
        Assert.Equal(SnmpValue.TimeTicks(4660), n.Varbinds[0].Value);
        Assert.Equal(ObjectIdentifier.Parse("1.3.6.1.4.1.318.0.5"), n.TrapOid);
        Assert.Equal(SnmpValue.IpAddress(IPAddress.Parse("10.0.0.7")), n.Varbinds[3].Value);
        Assert.Equal("public", n.Varbinds[4].Value.AsString());
        Assert.Equal(ObjectIdentifier.Parse("1.3.6.1.4.1.318"), n.Varbinds[5].Value.AsOid());
        Assert.Equal(new V1TrapFields(ObjectIdentifier.Parse("1.3.6.1.4.1.318"), IPAddress.Parse("10.0.0.7"), 6, 5, 4660), n.V1);
        Assert.True(result.Principal.HasCommunity("public"));
        Assert.False(result.Principal.HasCommunity("Public"));
        Assert.DoesNotContain("public", result.Principal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Inform_IsAnsweredWithAResponseCarryingTheSameRequestIdAndVarbinds()
    {
        var datagram = TrapPackets.Inform("ups-1", 4242, TrapOids.UpsTrapTestCompleted, new Varbind(ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.7.3.0"), SnmpValue.Integer(1)));
        var inform = Processor.Process(datagram, out _)!;

        var response = SnmpMessage.Decode(Processor.EncodeInformResponse(inform));

        Assert.Equal(SnmpPduType.Response, response.Pdu.Type);
        Assert.Equal(4242, response.Pdu.RequestId);
        Assert.Equal(SnmpErrorStatus.NoError, response.Pdu.ErrorStatus);
        Assert.Equal(inform.Notification.Varbinds, response.Pdu.Varbinds);
        Assert.Equal("ups-1"u8.ToArray(), response.Community.ToArray());
        Assert.Equal("upsTrapTestCompleted", inform.Notification.TrapName);
    }

    [Fact]
    public void V2Notification_WithoutSysUpTimeAndSnmpTrapOidFirst_IsMalformed()
    {
        var bad = new SnmpMessage(SnmpVersion.V2c, "ups-1", new SnmpPdu(SnmpPduType.TrapV2, 1, 0, 0,
            [new Varbind(TrapOids.SnmpTrapOid, SnmpValue.Oid(TrapOids.UpsTrapOnBattery))])).Encode();

        Assert.Throws<SnmpDecodeException>(() => Processor.Process(bad, out _));
    }

    [Theory]
    [InlineData(SnmpPduType.GetRequest)]
    [InlineData(SnmpPduType.Response)]
    [InlineData(SnmpPduType.GetBulkRequest)]
    public void RequestsAndResponses_OnTheTrapPort_AreMalformed(SnmpPduType type)
    {
        var datagram = TrapPackets.Message(type, "ups-1", 3, TrapOids.UpsTrapOnBattery);

        Assert.Throws<SnmpDecodeException>(() => Processor.Process(datagram, out _));
    }

    [Fact]
    public void V1Pdu_InAV2cMessage_IsMalformed()
    {
        var datagram = (byte[])TrapPackets.V1EnterpriseSpecific.Clone();
        datagram[4] = 0x01; // version field: v2c

        Assert.Throws<SnmpDecodeException>(() => Processor.Process(datagram, out _));
    }

    [Theory]
    [InlineData(0x07)]
    [InlineData(0xFF)]
    public void V1Trap_WithGenericTrapOutside0To6_IsMalformed(byte generic)
    {
        var datagram = (byte[])TrapPackets.V1EnterpriseSpecific.Clone();
        var at = Convert.ToHexString(datagram).IndexOf("020106", StringComparison.Ordinal) / 2;
        datagram[at + 2] = generic;

        Assert.Throws<SnmpDecodeException>(() => Processor.Process(datagram, out _));
    }

    [Fact]
    public void TrapNames_AreTheRfcNames_OrTheDottedOid()
    {
        Assert.Equal("upsTrapOnBattery", TrapOids.NameOf(ObjectIdentifier.Parse("1.3.6.1.2.1.33.2.1")));
        Assert.Equal("upsTrapTestCompleted", TrapOids.NameOf(ObjectIdentifier.Parse("1.3.6.1.2.1.33.2.2")));
        Assert.Equal("upsTrapAlarmEntryAdded", TrapOids.NameOf(ObjectIdentifier.Parse("1.3.6.1.2.1.33.2.3")));
        Assert.Equal("upsTrapAlarmEntryRemoved", TrapOids.NameOf(ObjectIdentifier.Parse("1.3.6.1.2.1.33.2.4")));
        Assert.Equal("coldStart", TrapOids.NameOf(ObjectIdentifier.Parse("1.3.6.1.6.3.1.1.5.1")));
        Assert.Equal("authenticationFailure", TrapOids.NameOf(ObjectIdentifier.Parse("1.3.6.1.6.3.1.1.5.5")));
        Assert.Equal("1.3.6.1.4.1.318.0.5", TrapOids.NameOf(ObjectIdentifier.Parse("1.3.6.1.4.1.318.0.5")));
    }
}
