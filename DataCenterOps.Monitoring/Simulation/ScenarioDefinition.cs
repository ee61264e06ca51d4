using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>What a scenario is and which devices it may act on (no kinds = any device).</summary>
internal sealed record ScenarioDefinition(string Name, string Description, ScenarioDeviceUse DeviceUse, params DeviceKind[] Kinds)
{
    public static IReadOnlyList<ScenarioDefinition> All { get; } =
    [
        new(SimulatorScenarios.MainsFailure, "Utility power fails: UPSs go to battery, the genset starts in AUTO and takes the load in about 10 s; when mains returns the genset cools down and stops and the UPSs recharge.", ScenarioDeviceUse.None),
        new(SimulatorScenarios.GensetFailToStart, "Utility power fails and the genset does not start (fail-to-start shutdown alarm): the UPSs run on battery until their batteries are low and then depleted, discharging faster than real time (Simulator:GensetFailToStartDrainFactor, default 10).", ScenarioDeviceUse.None),
        new(SimulatorScenarios.CracFailure, "A cooling unit stops with a general alarm; the room temperature rises over minutes.", ScenarioDeviceUse.Optional, DeviceKind.Cooling),
        new(SimulatorScenarios.CoolingLossFast, "Every cooling unit stops at once (a chilled-water or control failure): IT heat alone warms the room about 40 °C per hour, faster than ASHRAE TC9.9's 20 °C per hour.", ScenarioDeviceUse.None),
        new(SimulatorScenarios.FirePreAlarm, "The fire panel reports a pre-alarm (first detector in zone 1).", ScenarioDeviceUse.Optional, DeviceKind.FireSuppression),
        new(SimulatorScenarios.FireAlarm, "The fire panel is in alarm (zones 1 and 2).", ScenarioDeviceUse.Optional, DeviceKind.FireSuppression),
        new(SimulatorScenarios.AgentReleased, "The suppression agent is released: the panel shows Released, cylinder pressure falls, low pressure is signalled.", ScenarioDeviceUse.Optional, DeviceKind.FireSuppression),
        new(SimulatorScenarios.WaterLeak, "A leak sensor turns wet (an environment probe, or a cooling unit's flood alarm).", ScenarioDeviceUse.Optional, DeviceKind.Environment, DeviceKind.Cooling),
        new(SimulatorScenarios.DoorOpen, "The room door contact opens.", ScenarioDeviceUse.Optional, DeviceKind.Environment),
        new(SimulatorScenarios.DeviceSilent, "A device stops answering.", ScenarioDeviceUse.Required),
        new(SimulatorScenarios.DeviceGarbage, "A device answers with malformed packets.", ScenarioDeviceUse.Required),
    ];
}
