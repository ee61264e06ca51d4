namespace DataCenterOps.Monitoring.Simulation;

/// <summary>
/// The utility-feed energy meter: everything the building's data center draws from mains — the IT load through the
/// UPSs (95 % efficient), cooling (3.5 kW per running compressor, 0.6 kW of fans and controls per unit) and 0.8 kW of
/// lighting and auxiliaries — over three phases at 220 V. While mains is down it reads no voltage, no current and no
/// power, and its import counter stands still (the genset carries the load).
/// </summary>
internal sealed class PowerMeterModel(SimulatedDevice device, Random random) : IDeviceModel
{
    private const double UpsEfficiency = 0.95;
    private const double CompressorKw = 3.5;
    private const double FansAndControlsKw = 1.2;
    private const double AuxiliaryKw = 0.8;
    private const double PowerFactor = 0.92;

    private readonly SmoothNoise _noise = new(random, 0.02);
    private double _energyKwh = 184_321.5;
    private double _kw;

    public SimulatedDevice Device { get; } = device;

    public void Step(RoomState room, double seconds)
    {
        _noise.Next(seconds);
        _kw = room.MainsAvailable
            ? (room.ItPowerKw / UpsEfficiency) + (room.CompressorsRunning * CompressorKw) + FansAndControlsKw + AuxiliaryKw + _noise.Value
            : 0;
        _energyKwh += _kw * seconds / 3600;
    }

    public void Publish(RoomState room)
    {
        var volts = room.MainsAvailable ? RoomState.MainsVoltage : 0;
        var amps = volts > 0 ? _kw * 1000 / (3 * volts * PowerFactor) : 0;
        Device.Set("voltage.l1", volts);
        Device.Set("voltage.l2", volts);
        Device.Set("voltage.l3", volts);
        Device.Set("current.l1", amps * 1.03);
        Device.Set("current.l2", amps);
        Device.Set("current.l3", amps * 0.97);
        Device.Set("power", _kw);
        Device.Set("energy.import", _energyKwh);
    }
}
