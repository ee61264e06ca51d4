namespace DataCenterOps.Monitoring.Snmp;

/// <summary>Strict reading and writing of one PDU (RFC 3416 §3), shared by the community and the v3 message codecs.</summary>
internal static class SnmpPduCodec
{
    /// <summary>Reads the PDU that is the next element of <paramref name="container"/>.</summary>
    public static SnmpPdu Read(ref BerReader container)
    {
        var pduContent = container.ReadTlv(out var pduTag);
        var type = ReadPduType(pduTag);
        var pdu = container.Enter(pduContent);

        var requestId = pdu.ReadInt32("request-id");
        var field2 = pdu.ReadInt32(type == SnmpPduType.GetBulkRequest ? "non-repeaters" : "error-status");
        var field3 = pdu.ReadInt32(type == SnmpPduType.GetBulkRequest ? "max-repetitions" : "error-index");
        var list = pdu.ReadConstructed(0x30, "varbind list");
        pdu.EnsureEnd("the varbind list");
        return new SnmpPdu(type, requestId, field2, field3, ReadVarbinds(list));
    }

    /// <summary>Content length of the PDU's TLV; <paramref name="listContent"/> is that of its varbind list.</summary>
    public static int ContentLength(SnmpPdu pdu, out int listContent)
    {
        listContent = 0;
        var varbinds = pdu.Varbinds;
        for (var i = 0; i < varbinds.Count; i++)
        {
            listContent += BerWriter.VarbindLength(varbinds[i]);
        }

        return ContentLength(pdu.RequestId, pdu.Field2, pdu.Field3, listContent);
    }

    public static int ContentLength(int requestId, int field2, int field3, int varbindListContent) =>
        BerWriter.TlvLength(BerWriter.IntegerContentLength(requestId)) +
        BerWriter.TlvLength(BerWriter.IntegerContentLength(field2)) +
        BerWriter.TlvLength(BerWriter.IntegerContentLength(field3)) +
        BerWriter.TlvLength(varbindListContent);

    public static void Write(ref BerWriter writer, SnmpPdu pdu, int pduContent, int listContent)
    {
        writer.WriteHeader((byte)pdu.Type, pduContent);
        writer.WriteInteger(0x02, pdu.RequestId);
        writer.WriteInteger(0x02, pdu.Field2);
        writer.WriteInteger(0x02, pdu.Field3);
        writer.WriteHeader(0x30, listContent);
        var varbinds = pdu.Varbinds;
        for (var i = 0; i < varbinds.Count; i++)
        {
            writer.WriteVarbind(varbinds[i]);
        }
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
