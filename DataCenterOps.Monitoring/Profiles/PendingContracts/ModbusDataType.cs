namespace DataCenterOps.Monitoring.Modbus;

// Temporary stand-in until the modbus branch lands; deleted at merge.
public enum ModbusDataType
{
    UInt16,
    Int16,
    UInt32,
    Int32,
    Float32,
    Bits,
}
