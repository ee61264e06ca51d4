using System.Net;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Traps;

namespace DataCenterOps.Tests.Monitoring.Traps;

/// <summary>Notification datagrams for tests: v2c traps and informs encoded by our codec, and a v1 trap built by hand.</summary>
internal static class TrapPackets
{
    /// <summary>
    /// A v1 Trap-PDU (RFC 1157 §4.1.6), hand-assembled: community "public", enterprise 1.3.6.1.4.1.318, agent-addr
    /// 10.0.0.7, enterpriseSpecific (6) / specific 5, time-stamp 4660, varbind upsEstimatedMinutesRemaining.0 = 40.
    /// </summary>
    public static readonly byte[] V1EnterpriseSpecific = Convert.FromHexString(
        "303902010004067075626c6963a42c06072b06010401823e40040a000007020106020105430212343011300f060a2b060102012101020300020128");

    public static byte[] V2Trap(string community, ObjectIdentifier trap, params Varbind[] objects) =>
        Message(SnmpPduType.TrapV2, community, 7, trap, objects);

    public static byte[] Inform(string community, int requestId, ObjectIdentifier trap, params Varbind[] objects) =>
        Message(SnmpPduType.InformRequest, community, requestId, trap, objects);

    public static byte[] Message(SnmpPduType type, string community, int requestId, ObjectIdentifier trap, params Varbind[] objects)
    {
        var varbinds = new List<Varbind>
        {
            new(TrapOids.SysUpTime, SnmpValue.TimeTicks(123456)),
            new(TrapOids.SnmpTrapOid, SnmpValue.Oid(trap)),
        };
        varbinds.AddRange(objects);
        return new SnmpMessage(SnmpVersion.V2c, community, new SnmpPdu(type, requestId, 0, 0, varbinds)).Encode();
    }

    public static IPEndPoint Loopback(int port) => new(IPAddress.Loopback, port);
}
