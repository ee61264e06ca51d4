namespace DataCenterOps.Monitoring.Profiles;

/// <summary>A decoded reading: the raw number from the device, its engineering value and, for enumerated points, the state name.</summary>
public readonly record struct PointValue(double Raw, double Value, string? State)
{
    /// <summary>Raw × scale + offset, and the state name of the raw code when the point is enumerated.</summary>
    public static PointValue FromRaw(ProfilePoint point, double raw)
    {
        ArgumentNullException.ThrowIfNull(point);
        return new PointValue(raw, point.ToEngineering(raw), point.StateOf(raw));
    }
}
