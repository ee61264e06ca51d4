using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Web.Shared.Display;

namespace DataCenterOps.Web.Features.Routine.Meters;

/// <summary>
/// The Domain's <see cref="IMeterReadings"/> port, answered from monitoring history: a meter's latest sample (the last
/// hour raw, else the last 30 days' hourly rollups), a UPS's months from the hourly rollups.
/// </summary>
public sealed class MonitoringMeterReadings(HistoryQuery history, DisplayClock clock, TimeProvider time) : IMeterReadings
{
    public async Task<double?> LatestAsync(string deviceId, string point, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var raw = await history.GetSeriesAsync(deviceId, point, now.AddHours(-1), now.AddMinutes(1), HistoryResolution.Raw, cancellationToken);
        if (raw.Samples.Count > 0)
        {
            return raw.Samples[^1].Avg;
        }

        var hourly = await history.GetSeriesAsync(deviceId, point, now.AddDays(-30), now.AddMinutes(1), HistoryResolution.Hour, cancellationToken);
        return hourly.Samples.Count > 0 ? hourly.Samples[^1].Max : null;
    }

    public async Task<IReadOnlyList<BatteryMonth>> BatteryMonthsAsync(string deviceId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc));
        var to = new DateTimeOffset(DateTime.SpecifyKind(toUtc, DateTimeKind.Utc));
        var runtime = Monthly(await history.GetSeriesAsync(deviceId, "battery.minutes_remaining", from, to, HistoryResolution.Hour, cancellationToken));
        var load = Monthly(await history.GetSeriesAsync(deviceId, "output.load", from, to, HistoryResolution.Hour, cancellationToken));
        return [.. runtime.Where(r => load.ContainsKey(r.Key)).OrderBy(r => r.Key)
            .Select(r => new BatteryMonth(r.Key.Year, r.Key.Month, r.Value, load[r.Key]))];
    }

    /// <summary>Mean per calendar month in the display zone (Sop:TimeZone and Display:TimeZone are the site's one zone).</summary>
    private Dictionary<(int Year, int Month), double> Monthly(HistorySeries series) =>
        series.Samples
            .GroupBy(s => { var local = clock.ToLocal(s.Timestamp); return (local.Year, local.Month); })
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Avg * Math.Max(1, s.Count)) / g.Sum(s => (double)Math.Max(1, s.Count)));
}
