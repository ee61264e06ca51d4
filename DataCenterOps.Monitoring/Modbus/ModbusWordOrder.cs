namespace DataCenterOps.Monitoring.Modbus;

/// <summary>Order of the two registers of a 32-bit value. Bytes within a register are always big-endian.</summary>
public enum ModbusWordOrder
{
    /// <summary>The register at the point's address holds the most significant word (GenComm, most devices).</summary>
    HighWordFirst,

    /// <summary>The register at the point's address holds the least significant word ("word swapped").</summary>
    LowWordFirst,
}
