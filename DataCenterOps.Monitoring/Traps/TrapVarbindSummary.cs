using System.Text;
using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>A short, single-line text of a notification's varbinds (after sysUpTime.0 and snmpTrapOID.0), secrets masked.</summary>
internal static class TrapVarbindSummary
{
    public const int MaxVarbinds = 10;
    public const int MaxValueLength = 64;

    public static string Of(TrapNotification notification)
    {
        var text = new StringBuilder();
        var varbinds = notification.Varbinds;
        for (var i = 2; i < varbinds.Count; i++)
        {
            if (i - 2 == MaxVarbinds)
            {
                text.Append("; … ").Append(varbinds.Count - i).Append(" more");
                break;
            }

            if (text.Length > 0)
            {
                text.Append("; ");
            }

            var (oid, value) = (varbinds[i].Oid, varbinds[i].Value);
            text.Append(oid).Append(" = ");
            if (oid == TrapOids.SnmpTrapCommunity)
            {
                text.Append("***");
                continue;
            }

            var shown = value.ToString();
            if (shown.Length > MaxValueLength)
            {
                shown = string.Concat(shown.AsSpan(0, MaxValueLength), "…");
            }

            foreach (var c in shown)
            {
                text.Append(char.IsControl(c) ? ' ' : c);
            }
        }

        return text.ToString();
    }

    public static string VersionText(SnmpVersion version) => version switch
    {
        SnmpVersion.V1 => "v1",
        SnmpVersion.V2c => "v2c",
        SnmpVersion.V3 => "v3",
        _ => version.ToString(),
    };
}
