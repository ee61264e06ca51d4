using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp.Agent;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>
/// One device of the room: the values it holds (already quantized the way its wire format carries them, so
/// that what a client decodes equals what is held) and the sink that serves them.
/// </summary>
internal sealed class SimulatedDevice(string id, DeviceProfile profile, string? community, byte? unitId)
{
    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);
    private SimulatedFault _fault;

    public string Id { get; } = id;

    public DeviceProfile Profile { get; } = profile;

    public string? Community { get; } = community;

    public byte? UnitId { get; } = unitId;

    public ISimulatedDeviceSink? Sink { get; set; }

    /// <summary>The MIB an SNMP device serves (its profile points and the standard groups beside them); null for Modbus.</summary>
    public SnmpMibTable? Table { get; set; }

    public SimulatedFault Fault
    {
        get => _fault;
        set
        {
            _fault = value;
            Sink?.SetFault(value);
        }
    }

    public SimulatedDeviceInfo Info =>
        new(Id, Profile.Name, Profile.Protocol, Profile.Kind, Community, UnitId, Fault);

    /// <summary>Sets a point by engineering value; a point the profile lacks (a site remap) is skipped.</summary>
    public void Set(string pointName, double value)
    {
        if (!Profile.TryGetPoint(pointName, out var point))
        {
            return;
        }

        var held = point.Quantize(value);
        _values[pointName] = held;
        Sink?.Write(point, held);
    }

    public void Set(string pointName, bool value) => Set(pointName, value ? 1 : 0);

    /// <summary>
    /// Sets an enumerated point by state name, in the codes of the device's own profile (UPS-MIB's battery(5) is
    /// PowerNet's onBattery(3)): the first of <paramref name="states"/> the profile names is used.
    /// </summary>
    public void SetState(string pointName, params ReadOnlySpan<string> states)
    {
        if (!Profile.TryGetPoint(pointName, out var point) || point.States is null)
        {
            return;
        }

        foreach (var state in states)
        {
            foreach (var (code, name) in point.States)
            {
                if (string.Equals(name, state, StringComparison.Ordinal))
                {
                    Set(pointName, point.ToEngineering(code));
                    return;
                }
            }
        }
    }

    public bool TryGet(string pointName, out double value) => _values.TryGetValue(pointName, out value);
}
