namespace DataCenterOps.Domain.Scheduling;

/// <summary>
/// One month of a UPS's battery trend: its runtime normalised to the baseline's load, and how far that lies below the
/// baseline (percent; negative when above). <paramref name="IsBaseline"/> for the months that make the baseline.
/// </summary>
public sealed record BatteryTrendPoint(int Year, int Month, double RuntimeMinutes, double LoadPercent, double NormalisedMinutes, double DropPercent, bool IsBaseline);
