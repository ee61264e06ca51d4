using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Devices;

namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// Built-in limits per device kind. Room environment follows ASHRAE TC9.9 (2015) class A1: warning outside the
/// recommended envelope (18–27 °C, dew point −9…15 °C, RH ≤ 60 %), critical outside the allowable one
/// (15–32 °C, RH 8–80 %, dew point ≤ 17 °C). A device's <c>Thresholds</c> layer over these field by field.
/// </summary>
public static class DefaultThresholds
{
    /// <summary>Mains L1 voltage below which a genset controller's mains is taken as failed, unless configured.</summary>
    public const double MainsFailedBelowVolts = 180;

    private const double OnDelaySeconds = 30;

    public static IReadOnlyDictionary<string, ThresholdOptions> For(DeviceKind kind) => kind switch
    {
        DeviceKind.Environment => new Dictionary<string, ThresholdOptions>(StringComparer.Ordinal)
        {
            ["temperature"] = new() { LowCritical = 15, LowWarning = 18, HighWarning = 27, HighCritical = 32, Hysteresis = 0.5, OnDelaySeconds = OnDelaySeconds },
            ["humidity"] = new() { LowCritical = 8, HighWarning = 60, HighCritical = 80, Hysteresis = 2, OnDelaySeconds = OnDelaySeconds },
            ["dew_point"] = new() { LowWarning = -9, HighWarning = 15, HighCritical = 17, Hysteresis = 0.5, OnDelaySeconds = OnDelaySeconds },
        },
        _ => new Dictionary<string, ThresholdOptions>(StringComparer.Ordinal),
    };
}
