using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Devices;

namespace DataCenterOps.Web.Features.Room;

/// <summary>The limits in force for a point: the device's configured ones layered over the kind's defaults.</summary>
public static class DeviceThresholds
{
    public static ThresholdOptions? For(DeviceOptions? device, DeviceKind kind, string point)
    {
        var defaults = DefaultThresholds.For(kind).GetValueOrDefault(point) ?? BuiltIn(kind, point);
        var configured = device?.Thresholds.GetValueOrDefault(point);
        return configured is null ? defaults : configured.OverDefaults(defaults);
    }

    // Limits the rules apply in code rather than in DefaultThresholds: the genset's mains counts as failed below 180 V.
    private static ThresholdOptions? BuiltIn(DeviceKind kind, string point) =>
        kind == DeviceKind.Genset && point == "mains.voltage.l1"
            ? new ThresholdOptions { LowCritical = DefaultThresholds.MainsFailedBelowVolts }
            : null;
}
