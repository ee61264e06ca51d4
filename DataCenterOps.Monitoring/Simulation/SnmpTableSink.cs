using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Agent;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>Serves an SNMP device's values from a MIB table, encoding each through its profile point.</summary>
internal sealed class SnmpTableSink(SnmpMibTable table) : ISimulatedDeviceSink
{
    private readonly Dictionary<string, ObjectIdentifier> _oids = new(StringComparer.Ordinal);

    public SnmpMibTable Table { get; } = table;

    public void Write(ProfilePoint point, double value)
    {
        if (!_oids.TryGetValue(point.Name, out var oid))
        {
            oid = point.ToObjectIdentifier();
            _oids[point.Name] = oid;
        }

        Table.Set(oid, Encode(point, value));
    }

    public void SetFault(SimulatedFault fault) => Table.Fault = fault switch
    {
        SimulatedFault.Silent => SnmpAgentFault.Silent,
        SimulatedFault.Garbage => SnmpAgentFault.Garbage,
        _ => SnmpAgentFault.None,
    };

    internal static SnmpValue Encode(ProfilePoint point, double value)
    {
        var raw = point.ToRaw(value);
        return point.SnmpType switch
        {
            SnmpValueType.Integer => SnmpValue.Integer((long)raw),
            SnmpValueType.Gauge32 => SnmpValue.Gauge32((uint)raw),
            SnmpValueType.Counter32 => SnmpValue.Counter32((uint)raw),
            SnmpValueType.TimeTicks => SnmpValue.TimeTicks((uint)raw),
            SnmpValueType.Counter64 => SnmpValue.Counter64((ulong)raw),
            _ => throw new InvalidOperationException($"Point '{point.Name}' has no numeric SNMP type."),
        };
    }
}
