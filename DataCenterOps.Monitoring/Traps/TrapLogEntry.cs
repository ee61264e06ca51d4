using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>
/// One line of the recent-trap log. <see cref="DeviceId"/> is null for an unknown sender (no configured device at that
/// address with that community). <see cref="Varbinds"/> is a short text with secrets (snmpTrapCommunity.0) masked.
/// </summary>
public sealed record TrapLogEntry(
    DateTimeOffset At,
    string Source,
    string? DeviceId,
    SnmpVersion Version,
    bool IsInform,
    string TrapName,
    string TrapOid,
    string Varbinds)
{
    public bool IsUnknownSender => DeviceId is null;
}
