namespace DataCenterOps.Domain.Scheduling;

/// <summary>
/// Battery health from runtime at load: runtime scales about inversely with load, so each month's mean runtime is
/// normalised to the baseline's load (runtime × load ÷ baseline load). The baseline is the mean of the first
/// <see cref="BaselineMonths"/> months on record; a month more than <see cref="DropThresholdPercent"/> % below it is a finding.
/// </summary>
public static class BatteryHealth
{
    public const int BaselineMonths = 3;
    public const double DropThresholdPercent = 20;

    public static IReadOnlyList<BatteryTrendPoint> Trend(IReadOnlyList<BatteryMonth> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var usable = months.Where(m => m.RuntimeMinutes > 0 && m.LoadPercent > 0).OrderBy(m => m.Mark).ToList();
        if (usable.Count == 0)
        {
            return [];
        }

        // With fewer months than a full baseline, all but the latest make it (the latest is what is judged).
        var baselineCount = Math.Max(1, Math.Min(BaselineMonths, usable.Count - 1));
        var baseline = usable.Take(baselineCount).ToList();
        var baselineLoad = baseline.Average(m => m.LoadPercent);
        var baselineMinutes = baseline.Average(m => m.RuntimeMinutes * m.LoadPercent / baselineLoad);
        return [.. usable.Select((m, i) =>
        {
            var normalised = m.RuntimeMinutes * m.LoadPercent / baselineLoad;
            return new BatteryTrendPoint(m.Year, m.Month, m.RuntimeMinutes, m.LoadPercent, normalised,
                (baselineMinutes - normalised) / baselineMinutes * 100, i < baselineCount);
        })];
    }

    /// <summary>The month judged (the latest complete one) when it has dropped beyond the threshold; null otherwise.</summary>
    public static BatteryTrendPoint? Finding(IReadOnlyList<BatteryTrendPoint> trend, int year, int month)
    {
        ArgumentNullException.ThrowIfNull(trend);
        return trend.FirstOrDefault(p => p.Year == year && p.Month == month && !p.IsBaseline && p.DropPercent > DropThresholdPercent);
    }
}
