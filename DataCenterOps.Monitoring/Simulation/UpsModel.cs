namespace DataCenterOps.Monitoring.Simulation;

/// <summary>
/// A double-conversion UPS: on mains (or the genset) it floats its battery and recharges it; without input
/// power it runs from the battery, counting seconds on battery while charge and runtime fall (faster than real
/// time when <see cref="RoomState.BatteryDrainFactor"/> says so). At or below five minutes of runtime the battery
/// is low; empty, it is depleted and the output drops. A UPS-MIB device also serves the rest of RFC 1628 (<see cref="UpsMib"/>).
/// </summary>
internal sealed class UpsModel : IDeviceModel
{
    private const double RechargeSeconds = 2 * 3600;
    private const double InverterEfficiency = 0.95;
    private const double RechargeAmps = 2.0;

    private readonly SmoothNoise _loadNoise;
    private readonly SmoothNoise _voltageNoise;
    private readonly double _baseLoad;
    private readonly UpsMib? _mib;
    private double _charge = 100;
    private double _secondsOnBattery;
    private double _load;
    private uint _lineBads;
    private bool _wasPowered = true;

    public UpsModel(SimulatedDevice device, Random random, double baseLoad)
    {
        Device = device;
        _loadNoise = new SmoothNoise(random, 1.5, 30);
        _voltageNoise = new SmoothNoise(random, 1.2);
        _baseLoad = _load = baseLoad;
        _mib = device.Table is { } table && SnmpSystemGroup.UsesUpsMib(device.Profile) ? new UpsMib(table, device.Id) : null;
    }

    public SimulatedDevice Device { get; }

    /// <summary>The UPS-MIB groups beyond the profile's points, for an RFC 1628 device; else null.</summary>
    internal UpsMib? Mib => _mib;

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
            _charge = Math.Max(0, _charge - seconds * room.BatteryDrainFactor * 100 / (FullRuntimeMinutes * 60));
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
        var status = _charge <= 0 ? 4 : MinutesRemaining <= UpsMib.LowBatteryMinutes ? 3 : 2;
        var source = powered ? 3 : outputOn ? 5 : 2;
        var load = outputOn ? _load : 0;
        var outputWatts = load / 100 * UpsMib.RatedWatts;
        var outputAmps = load / 100 * UpsMib.RatedVa / 220;
        var batteryVolts = powered ? 218.4 - (100 - _charge) * 0.1 : 184 + 14 * _charge / 100 - _load * 0.05;
        var inputVolts = powered ? room.SupplyVoltage + _voltageNoise.Value : 0;
        var inputWatts = powered ? outputWatts / InverterEfficiency : 0;
        _mib?.Publish(new UpsMibValues(
            BatteryStatus: status,
            SecondsOnBattery: powered ? 0 : _secondsOnBattery,
            MinutesRemaining: MinutesRemaining,
            Charge: _charge,
            BatteryVoltage: batteryVolts,
            BatteryCurrent: powered ? (_charge < 100 ? -RechargeAmps : 0) : outputOn ? outputWatts / InverterEfficiency / batteryVolts : 0,
            BatteryTemperature: BatteryTemperature(room),
            InputLineBads: _lineBads,
            InputFrequency: room.SupplyFrequency,
            InputVoltage: inputVolts,
            InputCurrent: powered && inputVolts > 0 ? inputWatts / inputVolts : 0,
            InputPower: inputWatts,
            OutputSource: source,
            OutputFrequency: outputOn ? RoomState.NominalFrequency : 0,
            OutputVoltage: outputOn ? 220 : 0,
            OutputCurrent: outputAmps,
            OutputPower: outputWatts,
            OutputLoad: load,
            ElapsedSeconds: room.Elapsed));

        // The profile's points last, so that what a client decodes through the profile is exactly what is held.
        Device.SetState("battery.status", status == 4 ? "depleted" : status == 3 ? "low" : "normal", "low");
        Device.Set("battery.seconds_on_battery", powered ? 0 : _secondsOnBattery);
        Device.Set("battery.minutes_remaining", MinutesRemaining);
        Device.Set("battery.charge", _charge);
        Device.Set("battery.voltage", batteryVolts);
        Device.Set("battery.temperature", BatteryTemperature(room));
        Device.Set("battery.replace", 1);
        Device.Set("input.line_bads", _lineBads);
        Device.Set("input.voltage", inputVolts);
        Device.Set("input.frequency", room.SupplyFrequency);
        Device.SetState("output.source", source switch { 3 => "normal", 5 => "battery", _ => "none" });
        Device.Set("output.frequency", outputOn ? RoomState.NominalFrequency : 0);
        Device.Set("output.voltage", outputOn ? 220 : 0);
        Device.Set("output.current", outputAmps);
        Device.Set("output.load", load);
        Device.Set("alarms.present", (powered ? 0 : 1) + (status >= 3 ? 1 : 0));
    }

    private static double BatteryTemperature(RoomState room) => 25 + (room.Temperature - RoomState.SetpointTemperature) * 0.5;
}
