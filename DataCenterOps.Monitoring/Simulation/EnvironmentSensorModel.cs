namespace DataCenterOps.Monitoring.Simulation;

/// <summary>A room probe at the cold aisle: about 2 °C below return air, with its own small offset, a leak rope and a door contact.</summary>
internal sealed class EnvironmentSensorModel(SimulatedDevice device, Random random, double offset) : IDeviceModel
{
    private readonly SmoothNoise _temperatureNoise = new(random, 0.08);
    private readonly SmoothNoise _humidityNoise = new(random, 0.5);

    public SimulatedDevice Device { get; } = device;

    public void Step(RoomState room, double seconds)
    {
        _temperatureNoise.Next(seconds);
        _humidityNoise.Next(seconds);
    }

    public void Publish(RoomState room)
    {
        Device.Set("temperature", room.Temperature - 2 + offset + _temperatureNoise.Value);
        Device.Set("humidity", room.Humidity + 3 - offset + _humidityNoise.Value);
        Device.Set("leak", room.IsActive(SimulatorScenarios.WaterLeak, Device.Id));
        Device.Set("door", room.IsActive(SimulatorScenarios.DoorOpen, Device.Id));
    }
}
