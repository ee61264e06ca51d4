namespace DataCenterOps.Monitoring.Devices;

/// <summary>How far a point's value can be trusted. Only <see cref="Good"/> is shown as live.</summary>
public enum PointQuality
{
    Good,

    /// <summary>The last known value, kept after polls failed; never shown as live.</summary>
    Stale,

    /// <summary>The device says the point is not implemented (e.g. 0xFFFF in GenComm, noSuchObject in SNMP).</summary>
    NotAvailable,

    /// <summary>The device reports a transducer fault or out-of-range reading.</summary>
    SensorFault,

    /// <summary>The device has never answered since start-up.</summary>
    CommLost,
}
