using DataCenterOps.Monitoring.Snmp;
using static DataCenterOps.Tests.Monitoring.Snmp.Ber;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>Each class of malformed input in robustness.md is rejected with SnmpDecodeException; what RFC 3417 allows is read.</summary>
public sealed class SnmpDecoderRobustnessTests
{
    private static void Rejected(byte[] datagram)
    {
        Assert.Throws<SnmpDecodeException>(() => SnmpMessage.Decode(datagram));
        Assert.False(SnmpMessage.TryDecode(datagram, out _));
    }

    private static SnmpValue ValueOf(byte[] datagram) => Assert.Single(SnmpMessage.Decode(datagram).Pdu.Varbinds).Value;

    [Fact]
    public void IndefiniteLength_IsRejected() =>
        Rejected([0x30, 0x80, 0x02, 0x01, 0x01, 0x04, 0x00, 0xA2, 0x80, 0x00, 0x00, 0x00, 0x00]);

    [Fact]
    public void LengthOfLengthAboveFour_IsRejected() =>
        Rejected([0x30, 0x85, 0x00, 0x00, 0x00, 0x00, 0x03, 0x02, 0x01, 0x01]);

    [Fact]
    public void LyingCommunityLength_AsInNtopng_IsRejected() =>
        Rejected([0x30, 0x06, 0x02, 0x01, 0x00, 0x04, 0x7F, 0x41]);

    [Fact]
    public void LengthThatWrapsAround_IsRejected() =>
        Rejected([0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF, 0x02, 0x01, 0x01]);

    [Fact]
    public void OuterLengthLongerThanTheDatagram_IsRejected()
    {
        var good = ResponseWithValue(0x02, 0x01, 0x05);
        good[1]++;
        Rejected(good);
    }

    [Fact]
    public void ChildOverrunningItsParent_IsRejected()
    {
        // Shorten the PDU by one byte while the message keeps it: the varbind list now runs past the PDU.
        var message = ResponseWithValue(0x02, 0x01, 0x05);
        var pduAt = Array.IndexOf(message, (byte)0xA2);
        message[pduAt + 1]--;
        Rejected(message);
    }

    [Fact]
    public void EveryTruncation_OfARealReply_IsRejected()
    {
        var packet = GoldenPackets.GetResponseManyTypes;
        for (var length = 0; length < packet.Length; length++)
        {
            Rejected(packet[..length]);
        }
    }

    [Fact]
    public void TrailingBytesAfterTheMessage_AreRejected() => Rejected([.. GoldenPackets.GetNextEndOfMibView, 0x00]);

    [Fact]
    public void NestingDeeperThanSixteen_IsRejected()
    {
        var nested = Int(1);
        for (var i = 0; i < 20; i++)
        {
            nested = Tlv(0x30, nested);
        }

        Rejected(nested);
        var reader = new BerReader(nested);
        var threw = false;
        try
        {
            for (var depth = 1; depth <= 20; depth++)
            {
                reader = reader.ReadConstructed(0x30, "level");
            }
        }
        catch (SnmpDecodeException e)
        {
            threw = e.Message.Contains("nesting deeper than 16", StringComparison.Ordinal);
        }

        Assert.True(threw);
    }

    [Theory]
    [InlineData((byte)0x22)]
    [InlineData((byte)0x24)]
    [InlineData((byte)0x26)]
    public void ConstructedFormsOfPrimitives_AreRejectedAsValues(byte tag) =>
        Rejected(ResponseWithValue(tag, 0x03, 0x02, 0x01, 0x05));

    [Fact]
    public void ConstructedVersionCommunityOrName_AreRejected()
    {
        Rejected(Tlv(0x30, Tlv(0x22, Int(1)), Str("public"), Tlv(0xA2, Int(1), Int(0), Int(0), Tlv(0x30))));
        Rejected(Tlv(0x30, Int(1), Tlv(0x24, Str("public")), Tlv(0xA2, Int(1), Int(0), Int(0), Tlv(0x30))));
        Rejected(Response(Varbind(Tlv(0x26, BatteryStatusOid), [0x05, 0x00])));
    }

    [Fact]
    public void IntegerLongerThanEightBytes_IsRejected() =>
        Rejected(ResponseWithValue(0x02, 0x09, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08));

    [Fact]
    public void Counter64OfNineBytes_IsReadOnlyWithALeadingZero()
    {
        Assert.Equal(SnmpValue.Counter64(ulong.MaxValue),
            ValueOf(ResponseWithValue(0x46, 0x09, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)));
        Rejected(ResponseWithValue(0x46, 0x09, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00));
        Rejected(ResponseWithValue(0x46, 0x0A, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF));
    }

    [Fact]
    public void Unsigned32AboveTwoToThe32_IsRejected_ButAMissingSignOctetIsRead()
    {
        Rejected(ResponseWithValue(0x41, 0x05, 0x01, 0x00, 0x00, 0x00, 0x00));
        Assert.Equal(SnmpValue.Gauge32(uint.MaxValue), ValueOf(ResponseWithValue(0x42, 0x05, 0x00, 0xFF, 0xFF, 0xFF, 0xFF)));
        Assert.Equal(SnmpValue.Counter32(uint.MaxValue), ValueOf(ResponseWithValue(0x41, 0x04, 0xFF, 0xFF, 0xFF, 0xFF)));
    }

    [Fact]
    public void EmptyInteger_AndRequestIdBeyond32Bits_AreRejected()
    {
        Rejected(ResponseWithValue(0x02, 0x00));
        Rejected(Tlv(0x30, Int(1), Str("public"),
            Tlv(0xA2, Tlv(0x02, [0x01, 0x00, 0x00, 0x00, 0x00]), Int(0), Int(0), Tlv(0x30))));
    }

    [Fact]
    public void OidSubIdentifierAbove32Bits_IsRejected() =>
        Rejected(ResponseWithValue(0x06, 0x06, 0x2B, 0x90, 0x80, 0x80, 0x80, 0x00));

    [Fact]
    public void OidOfMoreThan128SubIdentifiers_IsRejected_And128AreRead()
    {
        byte[] Oid(int subIds) => Tlv(0x06, [0x2B, .. Enumerable.Repeat((byte)0x01, subIds - 2)]);

        Assert.Equal(128, ValueOf(ResponseWithValue(Oid(128))).AsOid().Length);
        Rejected(ResponseWithValue(Oid(129)));
        Rejected(Response(Varbind(Oid(129), [0x05, 0x00])));
    }

    [Fact]
    public void OidEndingInsideASubIdentifier_IsRejected() => Rejected(ResponseWithValue(0x06, 0x02, 0x2B, 0x81));

    [Fact]
    public void ZeroLengthOids_AreTolerated()
    {
        var message = SnmpMessage.Decode(Response(Varbind([0x06, 0x00], [0x06, 0x00])));

        var varbind = Assert.Single(message.Pdu.Varbinds);
        Assert.True(varbind.Oid.IsEmpty);
        Assert.True(varbind.Value.AsOid().IsEmpty);
    }

    [Fact]
    public void NonMinimalIntegersAndLengths_AreTolerated()
    {
        Assert.Equal(SnmpValue.Integer(5), ValueOf(ResponseWithValue(0x02, 0x03, 0x00, 0x00, 0x05)));
        Assert.Equal(SnmpValue.Integer(-1), ValueOf(ResponseWithValue(0x02, 0x02, 0xFF, 0xFF)));
        Assert.Equal(SnmpValue.TimeTicks(7), ValueOf(ResponseWithValue(0x43, 0x04, 0x00, 0x00, 0x00, 0x07)));
        Assert.Equal(SnmpValue.Integer(5), ValueOf(ResponseWithValue(0x02, 0x81, 0x01, 0x05)));
    }

    [Theory]
    [InlineData(new byte[] { 0x05, 0x01, 0x00 })]
    [InlineData(new byte[] { 0x80, 0x01, 0x00 })]
    [InlineData(new byte[] { 0x40, 0x05, 0x0A, 0x00, 0x00, 0x01, 0x02 })]
    [InlineData(new byte[] { 0x47, 0x01, 0x00 })]
    [InlineData(new byte[] { 0x30, 0x00 })]
    [InlineData(new byte[] { 0x1F, 0x81, 0x00, 0x00 })]
    public void MalformedOrUnknownValues_AreRejected(byte[] value) => Rejected(ResponseWithValue(value));

    [Fact]
    public void UnsupportedVersionsAndPdus_AreRejected()
    {
        Rejected(Message(3, "public", 0xA2, 1, 0, 0));
        Rejected(Message(2, "public", 0xA2, 1, 0, 0));
        Rejected(Message(1, "public", 0xA4, 1, 0, 0));
        Rejected(Message(1, "public", 0xA9, 1, 0, 0));
    }

    [Fact]
    public void EmptyAndOversizedDatagrams_AreRejected()
    {
        Rejected([]);
        Rejected(new byte[65508]);
    }

    [Fact]
    public void VarbindWithAThirdElement_IsRejected() =>
        Rejected(Response(Tlv(0x30, BatteryStatusOid, [0x05, 0x00], [0x05, 0x00])));
}
