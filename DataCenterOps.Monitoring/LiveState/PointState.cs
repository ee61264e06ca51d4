using DataCenterOps.Monitoring.Devices;

namespace DataCenterOps.Monitoring.LiveState;

/// <summary>A point's latest value; <see cref="Timestamp"/> is when that value was read (it does not move while Stale).</summary>
public sealed record PointState(
    string DeviceId,
    string Point,
    double? Value,
    string? Text,
    string Unit,
    PointQuality Quality,
    DateTimeOffset Timestamp)
{
    public bool IsLive => Quality == PointQuality.Good;
}
