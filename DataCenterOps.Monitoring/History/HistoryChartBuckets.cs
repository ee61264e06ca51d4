namespace DataCenterOps.Monitoring.History;

/// <summary>
/// How a chart's read is bounded (<see cref="IHistoryStore.ReadChartAsync"/>): a range holding more rows than the chart
/// has columns is read as one min / mean / max / count per time bucket, grouped along the (series, time) key as it is
/// read (PostgreSQL: GROUP BY date_bin, so only the buckets cross the network; SQLite, in-process: folded while the key
/// range is stepped, no sample made per row). Min–max rather than LTTB: one pass in key order computes it (LTTB needs
/// every row, and the next bucket's mean, in .NET), and each bucket keeps its extremes — a single 10-s spike in a week stays in the chart's min–max
/// band, where LTTB keeps one point a bucket and may drop it. The mean draws the line, as for rollups (docs/adr/0015).
/// </summary>
public static class HistoryChartBuckets
{
    /// <summary>
    /// The bucket width for at most <paramref name="maxSamples"/> epoch-aligned buckets over [from, to): a whole number
    /// of the resolution's own step (1 s raw, 1 min, 1 h), so a rollup never straddles two buckets; aligned on the epoch
    /// rather than on <c>from</c>, so a chart redrawn a little later keeps the same buckets.
    /// </summary>
    public static long WidthMs(long fromMs, long toMs, HistoryResolution resolution, int maxSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSamples, 2);
        var stepMs = resolution switch { HistoryResolution.Raw => 1_000L, HistoryResolution.Minute => 60_000L, _ => 3_600_000L };

        // n buckets of w cover a range of (n − 1)·w at most once aligned: the range over (max − 1), rounded up to the step.
        var least = Math.Max(1, toMs - fromMs) / (double)(maxSamples - 1);
        return Math.Max(1, (long)Math.Ceiling(least / stepMs)) * stepMs;
    }
}
