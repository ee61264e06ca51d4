namespace DataCenterOps.Monitoring.Commissioning;

/// <summary>
/// What a probe found: the SNMP agent's identity (null for Modbus), the profile it read with and why (with the
/// technical reason, e.g. "sysObjectID … is under …"), and every point of that profile.
/// </summary>
public sealed record ProbeReport(
    SnmpIdentity? Identity,
    string? Profile,
    ProbeProfileChoice Choice,
    string? Reason,
    IReadOnlyList<ProbePoint> Points,
    int Requests)
{
    public int Implausible => Points.Count(p => p.IsImplausible);

    public int WithoutValue => Points.Count(p => !p.HasValue);
}
