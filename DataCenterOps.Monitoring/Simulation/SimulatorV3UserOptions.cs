namespace DataCenterOps.Monitoring.Simulation;

/// <summary>
/// One SNMPv3 USM user of the simulator's agent (<c>Simulator:V3Users:N</c>). The level follows from the
/// passwords given; protocol names as net-snmp's (<c>SHA-256</c>, <c>AES-256</c> …). The user reads every
/// simulated SNMP device, choosing one by contextName (its community, by default the device id).
/// </summary>
public sealed class SimulatorV3UserOptions
{
    public string User { get; set; } = "";

    public string? AuthProtocol { get; set; }

    public string? AuthPassword { get; set; }

    public string? PrivProtocol { get; set; }

    public string? PrivPassword { get; set; }
}
