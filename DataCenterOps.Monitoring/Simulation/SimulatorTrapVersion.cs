namespace DataCenterOps.Monitoring.Simulation;

/// <summary>How the simulator sends its notifications (<c>Simulator:TrapVersion</c>).</summary>
public enum SimulatorTrapVersion
{
    /// <summary>SNMPv2c SNMPv2-Trap-PDUs in the device's community.</summary>
    V2c,

    /// <summary>SNMPv3 USM traps as <c>Simulator:TrapUser</c>, the agent's engine authoritative.</summary>
    V3,
}
