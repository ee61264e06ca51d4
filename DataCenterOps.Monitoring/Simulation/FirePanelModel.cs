namespace DataCenterOps.Monitoring.Simulation;

/// <summary>
/// A clean-agent suppression panel: pre-alarm on the first detector, alarm on two zones, and on release the
/// cylinder empties within seconds (low-pressure supervisory below 90 % of the fill pressure).
/// </summary>
internal sealed class FirePanelModel(SimulatedDevice device) : IDeviceModel
{
    private const double FillPressure = 42.0;
    private const double LowPressure = FillPressure * 0.9;
    private const double DischargeTimeConstant = 3;

    private double _pressure = FillPressure;

    public SimulatedDevice Device { get; } = device;

    public void Step(RoomState room, double seconds)
    {
        if (room.IsActive(SimulatorScenarios.AgentReleased, Device.Id))
        {
            _pressure *= Math.Exp(-seconds / DischargeTimeConstant);
        }
        else
        {
            // A released cylinder is taken as replaced once the scenario stops.
            _pressure = FillPressure + 0.1 * (room.Temperature - RoomState.SetpointTemperature);
        }
    }

    public void Publish(RoomState room)
    {
        var released = room.IsActive(SimulatorScenarios.AgentReleased, Device.Id);
        var alarm = released || room.IsActive(SimulatorScenarios.FireAlarm, Device.Id);
        var preAlarm = alarm || room.IsActive(SimulatorScenarios.FirePreAlarm, Device.Id);
        var state = released ? 3 : alarm ? 2 : preAlarm ? 1 : 0;
        Device.Set("panel.state", state);
        Device.Set("agent.pressure", _pressure);
        Device.Set("agent.low_pressure", _pressure < LowPressure);
        Device.Set("zone.1.prealarm", preAlarm);
        Device.Set("zone.1.alarm", alarm);
        Device.Set("zone.1.enabled", true);
        Device.Set("zone.2.prealarm", alarm);
        Device.Set("zone.2.alarm", alarm);
        Device.Set("zone.2.enabled", true);
    }
}
