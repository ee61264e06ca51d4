namespace DataCenterOps.Monitoring.Modbus;

/// <summary>How the registers at a point's address hold its value.</summary>
public enum ModbusDataType
{
    UInt16,
    Int16,

    /// <summary>Two registers; order set by <see cref="ModbusWordOrder"/>.</summary>
    UInt32,

    /// <summary>Two registers; order set by <see cref="ModbusWordOrder"/>.</summary>
    Int32,

    /// <summary>IEEE 754 single in two registers; order set by <see cref="ModbusWordOrder"/>.</summary>
    Float32,

    /// <summary>An unsigned field of one register: <c>BitWidth</c> bits starting at bit <c>BitShift</c> (0 = least significant).</summary>
    Bits,
}
