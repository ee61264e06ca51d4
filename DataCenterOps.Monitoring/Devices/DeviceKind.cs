namespace DataCenterOps.Monitoring.Devices;

/// <summary>What a monitored device is; it picks the built-in state rules and default thresholds.</summary>
public enum DeviceKind
{
    Ups,
    Genset,
    Cooling,
    FireSuppression,
    Environment,
}
