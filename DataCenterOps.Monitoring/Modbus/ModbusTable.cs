namespace DataCenterOps.Monitoring.Modbus;

/// <summary>The four Modbus data tables; each has its own 0–65535 address space.</summary>
public enum ModbusTable
{
    Coils,
    DiscreteInputs,
    HoldingRegisters,
    InputRegisters,
}
