namespace DataCenterOps.Monitoring.Simulation;

/// <summary>The fixed scenario names (used by the API, the training notes and the tests).</summary>
public static class SimulatorScenarios
{
    public const string MainsFailure = "mains-failure";
    public const string GensetFailToStart = "genset-fail-to-start";
    public const string CracFailure = "crac-failure";
    public const string CoolingLossFast = "cooling-loss-fast";
    public const string FirePreAlarm = "fire-prealarm";
    public const string FireAlarm = "fire-alarm";
    public const string AgentReleased = "agent-released";
    public const string WaterLeak = "water-leak";
    public const string DoorOpen = "door-open";
    public const string DeviceSilent = "device-silent";
    public const string DeviceGarbage = "device-garbage";
}
