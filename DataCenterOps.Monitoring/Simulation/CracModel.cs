namespace DataCenterOps.Monitoring.Simulation;

/// <summary>
/// A direct-expansion cooling unit controlling return air: the compressor starts at setpoint + 0.5 °C and
/// stops at setpoint − 0.5 °C. Without building power, or when failed, it stops.
/// </summary>
internal sealed class CracModel(SimulatedDevice device, Random random, double sensorOffset, bool compressorOn) : IDeviceModel
{
    public const double CoolingPerCompressor = 0.010;
    private const double Band = 0.5;

    private readonly SmoothNoise _temperatureNoise = new(random, 0.05);
    private readonly SmoothNoise _humidityNoise = new(random, 0.4);
    private bool _compressor = compressorOn;

    /// <summary>The compressor's run-hour meter, started near the shipped 2,000-hour service mark so a demo sees it pass.</summary>
    private double _compressorSeconds = (1_999.5 + (sensorOffset * 10)) * 3600;

    public SimulatedDevice Device { get; } = device;

    private double ReturnTemperature(RoomState room) => room.Temperature + sensorOffset + _temperatureNoise.Value;

    private bool Failed(RoomState room) => room.IsActive(SimulatorScenarios.CracFailure, Device.Id) || room.IsActive(SimulatorScenarios.CoolingLossFast);

    private bool Running(RoomState room) => room.PowerAvailable && !Failed(room);

    public void Step(RoomState room, double seconds)
    {
        _temperatureNoise.Next(seconds);
        _humidityNoise.Next(seconds);
        if (!Running(room))
        {
            _compressor = false;
            return;
        }

        var returnAir = ReturnTemperature(room);
        if (returnAir >= RoomState.SetpointTemperature + Band)
        {
            _compressor = true;
        }
        else if (returnAir <= RoomState.SetpointTemperature - Band)
        {
            _compressor = false;
        }

        if (_compressor)
        {
            _compressorSeconds += seconds;
            room.CoolingRate += CoolingPerCompressor;
            room.CompressorsRunning++;
        }
    }

    public void Publish(RoomState room)
    {
        var running = Running(room);
        var failed = Failed(room);
        var compressor = running && _compressor;
        var returnAir = ReturnTemperature(room);
        var humidity = room.Humidity + _humidityNoise.Value;
        var supply = compressor ? returnAir - 10.5 : running ? returnAir - 0.8 : returnAir;
        var high = returnAir > 27;
        var low = returnAir < 18;
        var highRh = humidity > 65;
        var lowRh = humidity < 30;
        var leak = room.IsActive(SimulatorScenarios.WaterLeak, Device.Id);
        Device.Set("supply.temperature", supply);
        Device.Set("return.temperature", returnAir);
        Device.Set("return.humidity", humidity);
        Device.Set("setpoint.temperature", RoomState.SetpointTemperature);
        Device.Set("setpoint.humidity", RoomState.SetpointHumidity);
        Device.Set("unit.on", running);
        Device.Set("compressor.on", compressor);
        Device.Set("compressor.run_hours", _compressorSeconds / 3600);
        Device.Set("fan.on", running);
        Device.Set("alarm.high_temperature", high);
        Device.Set("alarm.low_temperature", low);
        Device.Set("alarm.high_humidity", highRh);
        Device.Set("alarm.low_humidity", lowRh);
        Device.Set("alarm.filter", false);
        Device.Set("alarm.water_leak", leak);
        Device.Set("alarm.airflow", failed);
        Device.Set("alarm.general", failed || high || low || highRh || lowRh || leak);
    }
}
