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
}
