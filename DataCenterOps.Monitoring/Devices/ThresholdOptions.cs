namespace DataCenterOps.Monitoring.Devices;

/// <summary>
/// Limits for one numeric point. A value below <see cref="LowWarning"/> or above <see cref="HighWarning"/> warns,
/// beyond the critical limits is critical. An unset limit is not checked. The alarm clears only once the value is
/// back inside by <see cref="Hysteresis"/>, and is raised only after the condition held for <see cref="OnDelaySeconds"/>.
/// </summary>
public sealed class ThresholdOptions
{
    public double? LowCritical { get; set; }

    public double? LowWarning { get; set; }

    public double? HighWarning { get; set; }

    public double? HighCritical { get; set; }

    public double? Hysteresis { get; set; }

    public double? OnDelaySeconds { get; set; }

    /// <summary>Layers the limits set here over <paramref name="defaults"/> (unset fields keep the default).</summary>
    public ThresholdOptions OverDefaults(ThresholdOptions? defaults) => defaults is null ? this : new()
    {
        LowCritical = LowCritical ?? defaults.LowCritical,
        LowWarning = LowWarning ?? defaults.LowWarning,
        HighWarning = HighWarning ?? defaults.HighWarning,
        HighCritical = HighCritical ?? defaults.HighCritical,
        Hysteresis = Hysteresis ?? defaults.Hysteresis,
        OnDelaySeconds = OnDelaySeconds ?? defaults.OnDelaySeconds,
    };
}
