using DataCenterOps.Monitoring.Devices;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.History;

/// <summary>
/// Reads a point's history at the resolution its range calls for: raw samples up to 6 hours, 1-minute rollups up
/// to 7 days, 1-hour rollups beyond; from whichever <see cref="IHistoryStore"/> holds history.
/// </summary>
public sealed class HistoryQuery(IHistoryStore store)
{
    public static readonly TimeSpan RawUpTo = TimeSpan.FromHours(6);
    public static readonly TimeSpan MinuteUpTo = TimeSpan.FromDays(7);

    /// <summary>
    /// The most samples a chart is given: about one per pixel column of the widest chart drawn (≈ 2,000 px); more would
    /// only be drawn over each other. 6 hours raw at 10 s (2,160) or a week of minutes (10,080) come as buckets.
    /// </summary>
    public const int ChartSamples = 2_000;

    /// <summary>On monitoring.db (tests and tools that open the file themselves).</summary>
    public HistoryQuery(MonitoringDatabase database)
        : this(new SqliteHistoryStore(database, Options.Create(new MonitoringOptions())))
    {
    }

    public static HistoryResolution ResolutionFor(DateTimeOffset from, DateTimeOffset to) => (to - from) switch
    {
        var span when span <= RawUpTo => HistoryResolution.Raw,
        var span when span <= MinuteUpTo => HistoryResolution.Minute,
        _ => HistoryResolution.Hour,
    };

    /// <summary>Samples with from ≤ time &lt; to, oldest first.</summary>
    public Task<HistorySeries> GetSeriesAsync(string deviceId, string point, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        GetSeriesAsync(deviceId, point, from, to, ResolutionFor(from, to), cancellationToken);

    public async Task<HistorySeries> GetSeriesAsync(
        string deviceId, string point, DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution, CancellationToken cancellationToken)
    {
        var samples = await store.ReadAsync(deviceId, point, from, to, resolution, cancellationToken).ConfigureAwait(false);
        return new HistorySeries(deviceId, point, resolution, samples);
    }

    /// <summary>
    /// A chart's series: at the resolution the range calls for, at most <see cref="ChartSamples"/> samples (per-bucket
    /// min, mean, max and count when the range holds more rows; see <see cref="HistoryChartBuckets"/>). Exports and
    /// figures that need every row use <see cref="GetSeriesAsync(string, string, DateTimeOffset, DateTimeOffset, CancellationToken)"/>.
    /// </summary>
    public Task<HistorySeries> GetChartSeriesAsync(string deviceId, string point, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        GetChartSeriesAsync(deviceId, point, from, to, ResolutionFor(from, to), cancellationToken);

    public async Task<HistorySeries> GetChartSeriesAsync(
        string deviceId, string point, DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution, CancellationToken cancellationToken)
    {
        var samples = await store.ReadChartAsync(deviceId, point, from, to, resolution, ChartSamples, cancellationToken).ConfigureAwait(false);
        return new HistorySeries(deviceId, point, resolution, samples);
    }
}
