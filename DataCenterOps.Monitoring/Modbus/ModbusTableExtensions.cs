namespace DataCenterOps.Monitoring.Modbus;

/// <summary>Maps tables to the function code that reads them and to their per-request limits.</summary>
public static class ModbusTableExtensions
{
    /// <summary>Most registers one read may ask for (0x7D).</summary>
    public const int MaxRegistersPerRead = 125;

    /// <summary>Most bits one read may ask for (0x7D0).</summary>
    public const int MaxBitsPerRead = 2000;

    public static bool IsBitTable(this ModbusTable table) => table is ModbusTable.Coils or ModbusTable.DiscreteInputs;

    public static int MaxQuantityPerRead(this ModbusTable table) => table.IsBitTable() ? MaxBitsPerRead : MaxRegistersPerRead;

    public static ModbusFunctionCode ReadFunction(this ModbusTable table) => table switch
    {
        ModbusTable.Coils => ModbusFunctionCode.ReadCoils,
        ModbusTable.DiscreteInputs => ModbusFunctionCode.ReadDiscreteInputs,
        ModbusTable.HoldingRegisters => ModbusFunctionCode.ReadHoldingRegisters,
        ModbusTable.InputRegisters => ModbusFunctionCode.ReadInputRegisters,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Unknown Modbus table."),
    };

    /// <summary>The table a read function code addresses, or null for any other code.</summary>
    public static ModbusTable? TableOf(byte functionCode) => functionCode switch
    {
        (byte)ModbusFunctionCode.ReadCoils => ModbusTable.Coils,
        (byte)ModbusFunctionCode.ReadDiscreteInputs => ModbusTable.DiscreteInputs,
        (byte)ModbusFunctionCode.ReadHoldingRegisters => ModbusTable.HoldingRegisters,
        (byte)ModbusFunctionCode.ReadInputRegisters => ModbusTable.InputRegisters,
        _ => null,
    };
}
