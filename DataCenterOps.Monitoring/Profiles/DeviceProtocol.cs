namespace DataCenterOps.Monitoring.Profiles;

/// <summary>How a device is read.</summary>
public enum DeviceProtocol
{
    Snmp,
    ModbusTcp,
}
