using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>A device of the simulated room as a client sees it.</summary>
public sealed record SimulatedDeviceInfo(
    string Id,
    string Profile,
    DeviceProtocol Protocol,
    DeviceKind Kind,
    string? Community,
    byte? UnitId,
    SimulatedFault Fault);
