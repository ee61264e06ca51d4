namespace DataCenterOps.Monitoring.Simulation;

/// <summary>The behaviour of one simulated device.</summary>
internal interface IDeviceModel
{
    SimulatedDevice Device { get; }

    /// <summary>Advances the device by <paramref name="seconds"/> (at most one second).</summary>
    void Step(RoomState room, double seconds);

    /// <summary>Writes the device's current values into its points.</summary>
    void Publish(RoomState room);
}
