namespace DataCenterOps.Monitoring.Devices;

/// <summary>How a device is read.</summary>
public enum DeviceProtocol
{
    Snmp,
    ModbusTcp,
}
