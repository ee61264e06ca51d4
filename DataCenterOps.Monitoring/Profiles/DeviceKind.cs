namespace DataCenterOps.Monitoring.Profiles;

/// <summary>What a device is, which decides how the screens and the alarms treat it.</summary>
public enum DeviceKind
{
    Ups,
    Genset,
    Cooling,
    FireSuppression,
    Environment,
}
