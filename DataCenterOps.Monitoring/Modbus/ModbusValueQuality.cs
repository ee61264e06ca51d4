namespace DataCenterOps.Monitoring.Modbus;

/// <summary>Whether a decoded point carries a measurement or a device-reported reason for having none.</summary>
public enum ModbusValueQuality
{
    Good,

    /// <summary>The device marks the point as not implemented / not available (GenComm 0xFFFF, 0x7FFF…).</summary>
    NotAvailable,

    /// <summary>The device reports a sensor problem instead of a value; see <see cref="ModbusSensorFault"/>.</summary>
    SensorFault,
}
