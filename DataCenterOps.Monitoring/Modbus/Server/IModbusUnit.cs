namespace DataCenterOps.Monitoring.Modbus.Server;

/// <summary>One simulated device behind a unit id. Implementations must be thread-safe.</summary>
public interface IModbusUnit
{
    /// <summary>How the unit misbehaves, if at all.</summary>
    ModbusServerFault Fault { get; }

    /// <summary>Fills <paramref name="destination"/>; false answers exception 0x02 (illegal data address).</summary>
    bool TryReadRegisters(ModbusTable table, ushort start, ushort count, Span<ushort> destination);

    /// <summary>Fills <paramref name="destination"/>; false answers exception 0x02 (illegal data address).</summary>
    bool TryReadBits(ModbusTable table, ushort start, ushort count, Span<bool> destination);
}
