namespace DataCenterOps.Monitoring.Simulation;

/// <summary>
/// A metered single-phase rack PDU on a 32 A feed: the rack's load (about 3.1 kW for the first rack, 0.5 kW less for
/// each next one, the sixth like the first again) follows the room's office-hours load factor with a little noise, at 230 V and a power factor of 0.95;
/// its energy counter (kWh) grows with the load. It hangs off the UPSs, so a mains failure does not stop it.
/// </summary>
internal sealed class PduModel(SimulatedDevice device, Random random, int index) : IDeviceModel
{
    private const double Volts = 230;
    private const double PowerFactor = 0.95;

    private readonly SmoothNoise _noise = new(random, 0.05);
    private readonly double _nominalKw = 3.1 - (0.5 * index);
    private double _energyKwh = 12_345.6 + (4_321 * index);
    private double _kw;

    public SimulatedDevice Device { get; } = device;

    public void Step(RoomState room, double seconds)
    {
        _noise.Next(seconds);
        _kw = Math.Max(0, _nominalKw * room.LoadFactor * (1 + _noise.Value)); // on the UPSs, so it rides through a mains failure
        _energyKwh += _kw * seconds / 3600;
        room.ItPowerKw += _kw;
    }

    public void Publish(RoomState room)
    {
        Device.Set("phase.1.current", _kw * 1000 / (Volts * PowerFactor));
        Device.Set("phase.1.power", _kw);
        Device.Set("power", _kw);
        Device.Set("energy", _energyKwh);
    }
}
