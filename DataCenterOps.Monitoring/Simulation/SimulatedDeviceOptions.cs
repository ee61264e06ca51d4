namespace DataCenterOps.Monitoring.Simulation;

/// <summary>One simulated device: its id, the profile it speaks and how a client addresses it.</summary>
public sealed class SimulatedDeviceOptions
{
    public string Id { get; set; } = "";

    public string Profile { get; set; } = "";

    /// <summary>SNMP community that selects this device on the shared SNMP port (defaults to the id).</summary>
    public string? Community { get; set; }

    /// <summary>Modbus unit id that selects this device on the shared Modbus port.</summary>
    public int? UnitId { get; set; }
}
