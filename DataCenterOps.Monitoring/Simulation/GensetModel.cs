namespace DataCenterOps.Monitoring.Simulation;

/// <summary>
/// A standby genset on a Deep Sea controller in AUTO. On mains failure: pre-start after 1 s, fires at 4 s,
/// warms up, runs at 8 s and takes the load at 10 s. When mains returns and stays for 5 s it gives the load
/// back, cools down for 60 s and stops. While <see cref="RoomState.GensetFailsToStart"/> holds it cranks
/// (pre-start) for <see cref="CrankTime"/> without firing, then stops locked out with the fail-to-start alarm as a
/// shutdown (code 3) until the scenario ends.
/// </summary>
internal sealed class GensetModel(SimulatedDevice device, Random random) : IDeviceModel
{
    public const double MainsFailDelay = 1;
    public const double PreStartTime = 3;
    public const double WarmUpTime = 4;
    public const double TransferDelay = 2;
    public const double MainsReturnDelay = 5;
    public const double CoolDownTime = 60;
    public const double CrankTime = 5;

    private const int AlarmInactive = 1;
    private const int AlarmWarning = 2;
    private const int AlarmShutdown = 3;
    private const double RatedVoltage = 230;
    private const double RatedSpeed = 1500;

    private readonly SmoothNoise _speedNoise = new(random, 4);
    private readonly SmoothNoise _voltageNoise = new(random, 0.8);
    private readonly SmoothNoise _oilNoise = new(random, 6);
    private GensetState _state;
    private double _inState;
    private double _fuel = 82;
    private double _runSeconds = 1234.5 * 3600;
    private double _coolant = 40;
    private double _speed;
    private double _voltage;
    private bool _lockedOut;

    public SimulatedDevice Device { get; } = device;

    public void Step(RoomState room, double seconds)
    {
        _inState += seconds;
        Advance(room);
        var turning = _state is GensetState.WarmingUp or GensetState.Running or GensetState.CoolingDown;
        _speed = turning ? RatedSpeed + _speedNoise.Next(seconds) : 0;
        var targetVoltage = turning ? RatedVoltage + _voltageNoise.Next(seconds) : 0;
        _voltage = _state == GensetState.WarmingUp ? Math.Min(targetVoltage, _voltage + 120 * seconds) : targetVoltage;
        if (turning)
        {
            _runSeconds += seconds;
            _fuel = Math.Max(0, _fuel - 0.0015 * seconds);
        }

        var coolantTarget = turning ? 82 : 40;
        _coolant += (coolantTarget - _coolant) * Math.Min(1, seconds / 300);
        room.GeneratorVoltage = _voltage;
        room.GeneratorFrequency = _speed / 30;
        _oilNoise.Next(seconds);
    }

    public void Publish(RoomState room)
    {
        var turning = _speed > 0;
        Device.Set("control.mode", 1);
        Device.Set("engine.state", (int)_state);
        Device.Set("engine.speed", _speed);
        Device.Set("generator.frequency", _speed / 30);
        Device.Set("generator.voltage.l1", _voltage);
        Device.Set("generator.load", room.GeneratorOnLoad ? room.UpsLoadTotal * 0.6 : 0);
        Device.Set("oil.pressure", turning ? 380 + _oilNoise.Value : 0);
        Device.Set("coolant.temperature", _coolant);
        Device.Set("fuel.level", _fuel);
        Device.Set("battery.voltage", turning ? 27.8 : 27.2);
        Device.Set("engine.run_hours", _runSeconds / 3600);
        Device.Set("mains.voltage.l1", room.MainsAvailable ? RoomState.MainsVoltage + _voltageNoise.Value : 0);
        Device.Set("mains.frequency", room.MainsAvailable ? RoomState.NominalFrequency : 0);
        Device.Set("alarm.fail_to_start", _lockedOut ? AlarmShutdown : AlarmInactive);
        foreach (var alarm in (ReadOnlySpan<string>)
            ["emergency_stop", "low_oil_pressure", "high_coolant_temperature", "overspeed",
             "low_battery_voltage", "high_battery_voltage", "low_fuel_level", "maintenance_due"])
        {
            Device.Set("alarm." + alarm, AlarmInactive);
        }

        Device.Set("alarm.mains_failed", room.MainsAvailable ? AlarmInactive : AlarmWarning);
    }

    private void Advance(RoomState room)
    {
        var mainsOk = room.MainsAvailable;
        var sinceMainsChange = room.Elapsed - room.MainsChangedAt;
        if (!room.GensetFailsToStart)
        {
            _lockedOut = false;
        }

        switch (_state)
        {
            case GensetState.Stopped when _lockedOut:
                break;
            case GensetState.Stopped when !mainsOk && sinceMainsChange >= MainsFailDelay:
                Enter(GensetState.PreStart);
                break;
            case GensetState.PreStart when mainsOk:
                Enter(GensetState.Stopped);
                break;
            case GensetState.PreStart when room.GensetFailsToStart && _inState >= PreStartTime + CrankTime:
                _lockedOut = true;
                Enter(GensetState.Stopped);
                break;
            case GensetState.PreStart when room.GensetFailsToStart:
                break;
            case GensetState.PreStart when _inState >= PreStartTime:
                Enter(GensetState.WarmingUp);
                break;
            case GensetState.WarmingUp when mainsOk:
                Enter(GensetState.CoolingDown);
                break;
            case GensetState.WarmingUp when _inState >= WarmUpTime:
                Enter(GensetState.Running);
                break;
            case GensetState.Running when !mainsOk && !room.GeneratorOnLoad && _inState >= TransferDelay:
                room.GeneratorOnLoad = true;
                break;
            case GensetState.Running when mainsOk && sinceMainsChange >= MainsReturnDelay:
                room.GeneratorOnLoad = false;
                Enter(GensetState.CoolingDown);
                break;
            case GensetState.CoolingDown when !mainsOk:
                Enter(GensetState.Running);
                break;
            case GensetState.CoolingDown when _inState >= CoolDownTime:
                Enter(GensetState.Stopped);
                break;
        }
    }

    private void Enter(GensetState state)
    {
        _state = state;
        _inState = 0;
    }
}
