namespace DataCenterOps.Monitoring.Modbus;

/// <summary>
/// GenComm's reserved codes "−2…−7". They sit just below the type's "not available" value:
/// 0xFFFE…0xFFF9 for uint16 (−2…−7 as two's complement), 0x7FFE…0x7FF9 for int16, and the same
/// pattern for 32-bit types. The enum value is the code's magnitude.
/// </summary>
public enum ModbusSensorFault
{
    None = 0,
    OverRange = 2,
    UnderRange = 3,
    TransducerFault = 4,
    BadData = 5,
    HighDigitalInput = 6,
    LowDigitalInput = 7,
}
