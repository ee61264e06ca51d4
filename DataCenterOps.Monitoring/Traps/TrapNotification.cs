using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>
/// One received notification in SNMPv2 form: <see cref="Varbinds"/> start with sysUpTime.0 and snmpTrapOID.0. A v1
/// Trap-PDU is translated per RFC 3584 §3.1 and keeps its original fields in <see cref="V1"/>.
/// </summary>
public sealed class TrapNotification(SnmpVersion version, SnmpPduType pduType, int requestId, IReadOnlyList<Varbind> varbinds, V1TrapFields? v1 = null)
{
    public SnmpVersion Version { get; } = version;

    /// <summary><see cref="SnmpPduType.TrapV1"/>, <see cref="SnmpPduType.TrapV2"/> or <see cref="SnmpPduType.InformRequest"/>.</summary>
    public SnmpPduType PduType { get; } = pduType;

    /// <summary>The request-id (0 for a v1 trap, which has none).</summary>
    public int RequestId { get; } = requestId;

    public IReadOnlyList<Varbind> Varbinds { get; } = varbinds;

    public V1TrapFields? V1 { get; } = v1;

    public bool IsInform => PduType == SnmpPduType.InformRequest;

    /// <summary>snmpTrapOID.0: the second varbind (checked by the decoder).</summary>
    public ObjectIdentifier TrapOid => Varbinds[1].Value.AsOid();

    /// <summary>sysUpTime.0 of the sender, in hundredths of a second.</summary>
    public ulong Uptime => Varbinds[0].Value.AsUInt64();

    public string TrapName => TrapOids.NameOf(TrapOid);
}
