namespace DataCenterOps.Monitoring.Simulation;

/// <summary>
/// A double-conversion UPS: on mains (or the genset) it floats its battery and recharges it; without input
/// power it runs from the battery, counting seconds on battery while charge and runtime fall.
/// </summary>
internal sealed class UpsModel(SimulatedDevice device, Random random, double baseLoad) : IDeviceModel
{
    private const double RechargeSeconds = 2 * 3600;
    private const double LowBatteryMinutes = 5;

    private readonly SmoothNoise _loadNoise = new(random, 1.5, 30);
    private readonly SmoothNoise _voltageNoise = new(random, 1.2);
    private double _charge = 100;
    private double _secondsOnBattery;
    private readonly double _baseLoad = baseLoad;
    private double _load = baseLoad;
    private uint _lineBads;
    private bool _wasPowered = true;

    public SimulatedDevice Device { get; } = device;

    /// <summary>Full-charge runtime at the present load, minutes (about 26 min at 38 %).</summary>
    private double FullRuntimeMinutes => 1000 / Math.Max(5, _load);

    private double MinutesRemaining => _charge / 100 * FullRuntimeMinutes;

    private bool OutputOn(RoomState room) => room.PowerAvailable || _charge > 0;

    public void Step(RoomState room, double seconds)
    {
        _load = Math.Max(0, _baseLoad * room.LoadFactor + _loadNoise.Next(seconds));
        _voltageNoise.Next(seconds);
        if (room.PowerAvailable)
        {
            _secondsOnBattery = 0;
            _charge = Math.Min(100, _charge + seconds * 100 / RechargeSeconds);
        }
        else
        {
            _secondsOnBattery += seconds;
            _charge = Math.Max(0, _charge - seconds * 100 / (FullRuntimeMinutes * 60));
        }

        room.UpsLoadTotal += OutputOn(room) ? _load : 0;
    }

    public void Publish(RoomState room)
    {
        var powered = room.PowerAvailable;
        if (_wasPowered && !powered)
        {
            _lineBads++;
        }

        _wasPowered = powered;
        var outputOn = OutputOn(room);
        var status = _charge <= 0 ? 4 : MinutesRemaining <= LowBatteryMinutes ? 3 : 2;
        var source = powered ? 3 : outputOn ? 5 : 2;
        Device.Set("battery.status", status);
        Device.Set("battery.seconds_on_battery", powered ? 0 : _secondsOnBattery);
        Device.Set("battery.minutes_remaining", MinutesRemaining);
        Device.Set("battery.charge", _charge);
        Device.Set("battery.voltage", powered ? 218.4 - (100 - _charge) * 0.1 : 184 + 14 * _charge / 100 - _load * 0.05);
        Device.Set("battery.temperature", 25 + (room.Temperature - RoomState.SetpointTemperature) * 0.5);
        Device.Set("input.line_bads", _lineBads);
        Device.Set("input.voltage", powered ? room.SupplyVoltage + _voltageNoise.Value : 0);
        Device.Set("input.frequency", room.SupplyFrequency);
        Device.Set("output.source", source);
        Device.Set("output.frequency", outputOn ? RoomState.NominalFrequency : 0);
        Device.Set("output.voltage", outputOn ? 220 : 0);
        Device.Set("output.load", outputOn ? _load : 0);
        Device.Set("alarms.present", (powered ? 0 : 1) + (status >= 3 ? 1 : 0));
    }
}
