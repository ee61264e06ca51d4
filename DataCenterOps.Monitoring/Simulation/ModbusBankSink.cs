using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Modbus.Server;
using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>Serves a Modbus device's values from a register bank, encoding each through its profile point.</summary>
internal sealed class ModbusBankSink : ISimulatedDeviceSink
{
    private readonly Dictionary<string, ModbusPointSpec> _specs = new(StringComparer.Ordinal);

    public ModbusBankSink(ModbusRegisterBank bank, DeviceProfile profile)
    {
        Bank = bank;

        // A real device answers a block read across the gaps between mapped points, so every address between
        // a table's first and last point is readable (as 0 when unmapped).
        foreach (var group in profile.Points.Select(p => p.ToModbusSpec()).GroupBy(s => s.Table))
        {
            var first = group.Min(s => s.Address);
            var end = group.Max(s => s.Address + s.RegisterCount);
            bank.DeclareRange(group.Key, first, end - first);
        }
    }

    public ModbusRegisterBank Bank { get; }

    public void Write(ProfilePoint point, double value)
    {
        if (!_specs.TryGetValue(point.Name, out var spec))
        {
            spec = point.ToModbusSpec();
            _specs[point.Name] = spec;
        }

        if (spec.Table.IsBitTable())
        {
            Bank.SetBit(spec.Table, spec.Address, point.ToRaw(value) != 0);
        }
        else
        {
            Bank.SetValue(spec, value);
        }
    }

    public void SetFault(SimulatedFault fault) => Bank.Fault = fault switch
    {
        SimulatedFault.Silent => ModbusServerFault.Silent,
        SimulatedFault.Garbage => ModbusServerFault.Garbage,
        _ => ModbusServerFault.None,
    };
}
