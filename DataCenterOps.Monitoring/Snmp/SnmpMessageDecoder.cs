namespace DataCenterOps.Monitoring.Snmp;

/// <summary>Strict decoding of v1/v2c messages; the shape is fixed, so anything else is rejected.</summary>
internal static class SnmpMessageDecoder
{
    /// <summary>The largest datagram accepted (the UDP payload limit).</summary>
    public const int MaxMessageSize = 65507;

    public static SnmpMessage Decode(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length > MaxMessageSize)
        {
            throw BerReader.Fail($"{datagram.Length} bytes is more than a UDP datagram holds");
        }

        var outer = new BerReader(datagram);
        var message = outer.ReadConstructed(0x30, "message SEQUENCE");
        outer.EnsureEnd("the message");

        var version = ReadVersion(ref message);
        var community = message.ReadPrimitive(0x04, "community").ToArray();
        var pdu = SnmpPduCodec.Read(ref message);
        message.EnsureEnd("the PDU");
        return new SnmpMessage(version, community, pdu);
    }

    /// <summary>
    /// Reads only the header fields, leniently about the outer lengths, so that a reply that is
    /// truncated or corrupt further on can still be attributed to the request it answers.
    /// </summary>
    public static bool TryPeekRequestId(ReadOnlySpan<byte> datagram, out int requestId)
    {
        requestId = 0;
        try
        {
            var rest = SkipHeader(datagram, 0x30);
            var reader = new BerReader(rest);
            reader.ReadPrimitive(0x02, "version");
            reader.ReadPrimitive(0x04, "community");
            rest = SkipHeader(rest[reader.Position..], null);
            requestId = new BerReader(rest).ReadInt32("request-id");
            return true;
        }
        catch (SnmpDecodeException)
        {
            return false;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static ReadOnlySpan<byte> SkipHeader(ReadOnlySpan<byte> data, byte? tag)
    {
        if (data.Length < 2 || (tag is { } t && data[0] != t))
        {
            throw BerReader.Fail("no header");
        }

        var lengthOctets = data[1] < 0x80 ? 0 : data[1] & 0x7F;
        return data[(2 + lengthOctets)..];
    }

    private static SnmpVersion ReadVersion(ref BerReader message)
    {
        var version = BerReader.ReadInteger(message.ReadPrimitive(0x02, "version"), "version");
        return version switch
        {
            0 => SnmpVersion.V1,
            1 => SnmpVersion.V2c,
            3 => throw BerReader.Fail("an SNMPv3 message is not a community message"),
            _ => throw BerReader.Fail($"unknown version {version}"),
        };
    }
}
