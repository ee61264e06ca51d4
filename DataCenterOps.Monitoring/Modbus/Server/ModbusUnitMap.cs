using System.Collections.Concurrent;

namespace DataCenterOps.Monitoring.Modbus.Server;

/// <summary>A thread-safe unit id → unit map; unknown ids resolve to null (exception 0x0B).</summary>
public sealed class ModbusUnitMap : IModbusServerData
{
    private readonly ConcurrentDictionary<byte, IModbusUnit> _units = new();

    public void Set(byte unitId, IModbusUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        _units[unitId] = unit;
    }

    public bool Remove(byte unitId) => _units.TryRemove(unitId, out _);

    public IModbusUnit? Resolve(byte unitId) => _units.GetValueOrDefault(unitId);
}
