using System.Net;
using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>
/// Strict decoding of community-based notifications: a v1 Trap-PDU (tag 0xA4, RFC 1157 §4.1.6) translated to v2 form
/// per RFC 3584 §3.1, or a v2c SNMPv2-Trap (0xA7) / InformRequest (0xA6) whose first varbinds are sysUpTime.0 and
/// snmpTrapOID.0 (RFC 3416 §4.2.6). Everything else throws <see cref="SnmpDecodeException"/>; the BER rules are the
/// ones the manager uses (<see cref="BerReader"/>).
/// </summary>
internal static class TrapMessageDecoder
{
    /// <summary>Reads msgVersion (the first field of every SNMP message), or throws <see cref="SnmpDecodeException"/>.</summary>
    public static long PeekVersion(ReadOnlySpan<byte> datagram)
    {
        var outer = new BerReader(datagram);
        var message = outer.ReadConstructed(0x30, "message SEQUENCE");
        outer.EnsureEnd("the message");
        return BerReader.ReadInteger(message.ReadPrimitive(0x02, "version"), "version");
    }

    public static TrapNotification Decode(ReadOnlySpan<byte> datagram, out byte[] community)
    {
        var outer = new BerReader(datagram);
        var message = outer.ReadConstructed(0x30, "message SEQUENCE");
        outer.EnsureEnd("the message");
        var version = BerReader.ReadInteger(message.ReadPrimitive(0x02, "version"), "version") switch
        {
            0 => SnmpVersion.V1,
            1 => SnmpVersion.V2c,
            var other => throw BerReader.Fail($"version {other} is not community-based"),
        };
        community = message.ReadPrimitive(0x04, "community").ToArray();
        var pduContent = message.ReadTlv(out var tag);
        message.EnsureEnd("the PDU");
        var pdu = message.Enter(pduContent);
        return (version, tag) switch
        {
            (SnmpVersion.V1, 0xA4) => DecodeV1(pdu, community),
            (SnmpVersion.V2c, 0xA6 or 0xA7) => DecodeV2(pdu, (SnmpPduType)tag, SnmpVersion.V2c),
            _ => throw BerReader.Fail($"PDU tag 0x{tag:X2} is not a {version} notification"),
        };
    }

    /// <summary>
    /// Decodes the content of an SNMPv2-Trap or InformRequest PDU found elsewhere, e.g. inside an SNMPv3 scopedPDU after
    /// the USM processor has authenticated and decrypted it.
    /// </summary>
    public static TrapNotification DecodeV2Pdu(byte tag, ReadOnlySpan<byte> content, SnmpVersion version) =>
        tag is 0xA6 or 0xA7
            ? DecodeV2(new BerReader(content), (SnmpPduType)tag, version)
            : throw BerReader.Fail($"PDU tag 0x{tag:X2} is not a notification");

    /// <summary>
    /// A notification from a PDU already decoded elsewhere (an SNMPv3 scoped PDU after USM authenticated and decrypted
    /// it): an SNMPv2-Trap or InformRequest starting with sysUpTime.0 and snmpTrapOID.0, else <see cref="SnmpDecodeException"/>.
    /// </summary>
    public static TrapNotification FromPdu(SnmpPdu pdu, SnmpVersion version)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        if (pdu.Type is not (SnmpPduType.TrapV2 or SnmpPduType.InformRequest))
        {
            throw BerReader.Fail($"PDU {pdu.Type} is not a notification");
        }

        var varbinds = pdu.Varbinds;
        CheckNotificationStart(varbinds);
        return new TrapNotification(version, pdu.Type, pdu.RequestId, varbinds);
    }

    private static TrapNotification DecodeV1(BerReader pdu, byte[] community)
    {
        var enterprise = new ObjectIdentifier(BerReader.ReadOid(pdu.ReadPrimitive(0x06, "enterprise")));
        var agentField = pdu.ReadPrimitive((byte)SnmpValueType.IpAddress, "agent-addr");
        BerReader.ReadIpAddress(agentField); // exactly 4 octets
        var agentAddress = new IPAddress(agentField);
        var generic = pdu.ReadInt32("generic-trap");
        var specific = pdu.ReadInt32("specific-trap");
        var timeStamp = (uint)BerReader.ReadUnsigned(pdu.ReadPrimitive((byte)SnmpValueType.TimeTicks, "time-stamp"), 4, "time-stamp");
        var list = pdu.ReadConstructed(0x30, "varbind list");
        pdu.EnsureEnd("the varbind list");
        var original = SnmpPduCodec.ReadVarbinds(list);

        if (generic is < 0 or > 6)
        {
            throw BerReader.Fail($"generic-trap {generic} is outside 0-6");
        }

        ObjectIdentifier trapOid;
        if (generic == 6)
        {
            if (specific < 0 || enterprise.Length > ObjectIdentifier.MaxLength - 2)
            {
                throw BerReader.Fail("an enterpriseSpecific trap needs a specific-trap >= 0 and an enterprise of at most 126 sub-identifiers");
            }

            trapOid = enterprise.Append(0).Append((uint)specific);
        }
        else
        {
            trapOid = TrapOids.Generic(generic);
        }

        // RFC 3584 §3.1 (2)-(3): sysUpTime.0, snmpTrapOID.0, the original varbinds, then snmpTrapAddress.0,
        // snmpTrapCommunity.0 and snmpTrapEnterprise.0 unless the trap already carries them.
        var varbinds = new List<Varbind>(original.Length + 5)
        {
            new(TrapOids.SysUpTime, SnmpValue.TimeTicks(timeStamp)),
            new(TrapOids.SnmpTrapOid, SnmpValue.Oid(trapOid)),
        };
        varbinds.AddRange(original);
        AddIfMissing(varbinds, original, TrapOids.SnmpTrapAddress, SnmpValue.IpAddress(agentAddress));
        AddIfMissing(varbinds, original, TrapOids.SnmpTrapCommunity, SnmpValue.FromOwnedBytes(SnmpValueType.OctetString, community));
        AddIfMissing(varbinds, original, TrapOids.SnmpTrapEnterprise, SnmpValue.Oid(enterprise));
        return new TrapNotification(SnmpVersion.V1, SnmpPduType.TrapV1, 0, varbinds, new V1TrapFields(enterprise, agentAddress, generic, specific, timeStamp));
    }

    private static TrapNotification DecodeV2(BerReader pdu, SnmpPduType type, SnmpVersion version)
    {
        var requestId = pdu.ReadInt32("request-id");
        pdu.ReadInt32("error-status");
        pdu.ReadInt32("error-index");
        var list = pdu.ReadConstructed(0x30, "varbind list");
        pdu.EnsureEnd("the varbind list");
        var varbinds = SnmpPduCodec.ReadVarbinds(list);
        CheckNotificationStart(varbinds);
        return new TrapNotification(version, type, requestId, varbinds);
    }

    private static void CheckNotificationStart(IReadOnlyList<Varbind> varbinds)
    {
        if (varbinds.Count < 2 ||
            varbinds[0].Oid != TrapOids.SysUpTime || varbinds[0].Value.Type != SnmpValueType.TimeTicks ||
            varbinds[1].Oid != TrapOids.SnmpTrapOid || varbinds[1].Value.Type != SnmpValueType.ObjectIdentifier)
        {
            throw BerReader.Fail("a notification must start with sysUpTime.0 (TimeTicks) and snmpTrapOID.0 (OID)");
        }
    }

    private static void AddIfMissing(List<Varbind> varbinds, Varbind[] original, ObjectIdentifier oid, SnmpValue value)
    {
        if (!Array.Exists(original, v => v.Oid == oid))
        {
            varbinds.Add(new Varbind(oid, value));
        }
    }
}
