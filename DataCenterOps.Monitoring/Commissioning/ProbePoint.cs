using DataCenterOps.Monitoring.Devices;

namespace DataCenterOps.Monitoring.Commissioning;

/// <summary>One profile point as probed: the raw number the device sent, the scaled value, its state name and, when implausible, why.</summary>
public sealed record ProbePoint(string Name, string Unit, double? Raw, double? Value, string? State, PointQuality Quality, PlausibilityFinding? Finding)
{
    public bool HasValue => Value is not null;

    public bool IsImplausible => Finding is not null;
}
