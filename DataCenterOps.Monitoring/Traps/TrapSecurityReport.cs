namespace DataCenterOps.Monitoring.Traps;

/// <summary>
/// A message the security model sends back instead of accepting a datagram: an SNMPv3 Report (RFC 3412 §7.1 step 3).
/// <see cref="IsSynchronisation"/> marks the normal steps before an inform (engine discovery, time window), which are
/// not refusals and not counted as <c>auth_failed</c>.
/// </summary>
public sealed class TrapSecurityReport(byte[] datagram, bool isSynchronisation)
{
    public byte[] Datagram { get; } = datagram;

    public bool IsSynchronisation { get; } = isSynchronisation;
}
