namespace DataCenterOps.Monitoring.Simulation;

/// <summary>A scenario the simulator can play and, when active, the devices it is playing on (null = the whole room).</summary>
public sealed record ScenarioInfo(
    string Name,
    string Description,
    ScenarioDeviceUse DeviceUse,
    bool IsActive,
    IReadOnlyList<string?> ActiveOn);
