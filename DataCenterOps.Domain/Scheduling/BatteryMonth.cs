namespace DataCenterOps.Domain.Scheduling;

/// <summary>One month of a UPS: mean estimated runtime (battery.minutes_remaining) and mean output load (output.load, %).</summary>
public sealed record BatteryMonth(int Year, int Month, double RuntimeMinutes, double LoadPercent)
{
    /// <summary>The month as a mark, yyyyMM.</summary>
    public long Mark => (Year * 100L) + Month;
}
