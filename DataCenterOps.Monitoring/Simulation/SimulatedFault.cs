namespace DataCenterOps.Monitoring.Simulation;

/// <summary>How a simulated device misbehaves on the wire.</summary>
public enum SimulatedFault
{
    None,

    /// <summary>Requests get no answer at all.</summary>
    Silent,

    /// <summary>Requests get malformed answers.</summary>
    Garbage,
}
