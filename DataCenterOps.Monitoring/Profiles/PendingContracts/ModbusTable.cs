namespace DataCenterOps.Monitoring.Modbus;

// Temporary stand-in until the modbus branch lands; deleted at merge.
public enum ModbusTable
{
    Coils,
    DiscreteInputs,
    HoldingRegisters,
    InputRegisters,
}
