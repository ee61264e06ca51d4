namespace DataCenterOps.Monitoring.Simulation;

/// <summary>Why a simulator request was refused.</summary>
public enum SimulatorError
{
    UnknownScenario,
    UnknownDevice,
    UnknownPoint,
    DeviceRequired,
    DeviceNotAllowed,
}
