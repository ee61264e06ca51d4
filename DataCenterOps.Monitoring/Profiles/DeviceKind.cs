namespace DataCenterOps.Monitoring.Profiles;

/// <summary>What a device is, which decides how the screens and the alarms treat it.</summary>
public enum DeviceKind
{
    Ups,
    Genset,
    Cooling,
    FireSuppression,
    Environment,

    /// <summary>An energy meter, e.g. at the utility feed (facility energy for PUE).</summary>
    PowerMeter,

    /// <summary>A metered rack PDU (load per phase, power, IT energy for PUE).</summary>
    Pdu,
}
