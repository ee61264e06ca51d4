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
        var pduContent = message.ReadTlv(out var pduTag);
        message.EnsureEnd("the PDU");
        var type = ReadPduType(pduTag);
        var pdu = message.Enter(pduContent);

        var requestId = pdu.ReadInt32("request-id");
        var field2 = pdu.ReadInt32(type == SnmpPduType.GetBulkRequest ? "non-repeaters" : "error-status");
        var field3 = pdu.ReadInt32(type == SnmpPduType.GetBulkRequest ? "max-repetitions" : "error-index");
        var list = pdu.ReadConstructed(0x30, "varbind list");
        pdu.EnsureEnd("the varbind list");
        var varbinds = ReadVarbinds(list);

        return new SnmpMessage(version, community, new SnmpPdu(type, requestId, field2, field3, varbinds));
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
            3 => throw BerReader.Fail("SNMPv3 messages are not supported yet"),
            _ => throw BerReader.Fail($"unknown version {version}"),
        };
    }

    private static SnmpPduType ReadPduType(byte tag) => tag switch
    {
        0xA0 or 0xA1 or 0xA2 or 0xA3 or 0xA5 or 0xA6 or 0xA7 or 0xA8 => (SnmpPduType)tag,
        0xA4 => throw BerReader.Fail("v1 Trap-PDUs are not supported"),
        _ => throw BerReader.Fail($"tag 0x{tag:X2} is not a PDU"),
    };

    /// <summary>Reads a varbind list's content (also used by the trap decoder in Monitoring/Traps).</summary>
    internal static Varbind[] ReadVarbinds(BerReader list)
    {
        // Count first so that exactly one array of the right size is allocated.
        var counter = list;
        var count = 0;
        while (counter.HasData)
        {
            counter.ReadTlv(out _);
            count++;
        }

        var varbinds = new Varbind[count];
        for (var i = 0; i < count; i++)
        {
            var varbind = list.ReadConstructed(0x30, "varbind SEQUENCE");
            var oid = new ObjectIdentifier(BerReader.ReadOid(varbind.ReadPrimitive(0x06, "varbind name (OID)")));
            var content = varbind.ReadTlv(out var tag);
            varbind.EnsureEnd("a varbind value");
            varbinds[i] = new Varbind(oid, ReadValue(tag, content));
        }

        return varbinds;
    }

    private static SnmpValue ReadValue(byte tag, ReadOnlySpan<byte> content)
    {
        switch ((SnmpValueType)tag)
        {
            case SnmpValueType.Integer:
                return SnmpValue.Integer(BerReader.ReadInteger(content, "INTEGER"));
            case SnmpValueType.OctetString or SnmpValueType.Opaque:
                return SnmpValue.FromOwnedBytes((SnmpValueType)tag, content.ToArray());
            case SnmpValueType.ObjectIdentifier:
                return SnmpValue.FromOwnedOid(BerReader.ReadOid(content));
            case SnmpValueType.IpAddress:
                return SnmpValue.FromBits(SnmpValueType.IpAddress, BerReader.ReadIpAddress(content));
            case SnmpValueType.Counter32 or SnmpValueType.Gauge32 or SnmpValueType.TimeTicks:
                return SnmpValue.FromBits((SnmpValueType)tag, BerReader.ReadUnsigned(content, 4, ((SnmpValueType)tag).ToString()));
            case SnmpValueType.Counter64:
                return SnmpValue.FromBits(SnmpValueType.Counter64, BerReader.ReadUnsigned(content, 8, "Counter64"));
            case SnmpValueType.Null or SnmpValueType.NoSuchObject or SnmpValueType.NoSuchInstance or SnmpValueType.EndOfMibView:
                return content.IsEmpty
                    ? SnmpValue.FromBits((SnmpValueType)tag, 0)
                    : throw BerReader.Fail($"{(SnmpValueType)tag} with {content.Length} content bytes");
            default:
                throw BerReader.Fail((tag & 0x20) != 0
                    ? $"constructed or unknown value tag 0x{tag:X2}"
                    : $"unknown value tag 0x{tag:X2}");
        }
    }
}
