namespace DataCenterOps.Monitoring.Simulation;

/// <summary>GenComm engine states (register 1408) the simulated genset passes through.</summary>
internal enum GensetState
{
    Stopped = 0,
    PreStart = 1,
    WarmingUp = 2,
    Running = 3,
    CoolingDown = 4,
}
