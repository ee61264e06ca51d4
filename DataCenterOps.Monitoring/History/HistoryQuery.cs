using Microsoft.Data.Sqlite;

namespace DataCenterOps.Monitoring.History;

/// <summary>
/// Reads a point's history at the resolution its range calls for: raw samples up to 6 hours, 1-minute rollups up
/// to 7 days, 1-hour rollups beyond.
/// </summary>
public sealed class HistoryQuery(MonitoringDatabase database)
{
    public static readonly TimeSpan RawUpTo = TimeSpan.FromHours(6);
    public static readonly TimeSpan MinuteUpTo = TimeSpan.FromDays(7);

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
        var sql = resolution switch
        {
            HistoryResolution.Raw => "SELECT ts, value, value, value, 1 FROM samples WHERE series_id = (SELECT id FROM series WHERE device_id = $d AND point = $p) AND ts >= $from AND ts < $to ORDER BY ts",
            HistoryResolution.Minute => "SELECT bucket, min, sum / count, max, count FROM rollup_minute WHERE series_id = (SELECT id FROM series WHERE device_id = $d AND point = $p) AND bucket >= $from AND bucket < $to ORDER BY bucket",
            _ => "SELECT bucket, min, sum / count, max, count FROM rollup_hour WHERE series_id = (SELECT id FROM series WHERE device_id = $d AND point = $p) AND bucket >= $from AND bucket < $to ORDER BY bucket",
        };
        var samples = new List<HistorySample>();
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = sql;
                command.Parameters.AddWithValue("$d", deviceId);
                command.Parameters.AddWithValue("$p", point);
                command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        samples.Add(new HistorySample(
                            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                            reader.GetDouble(1),
                            reader.GetDouble(2),
                            reader.GetDouble(3),
                            reader.GetInt64(4)));
                    }
                }
            }
        }

        return new HistorySeries(deviceId, point, resolution, samples);
    }
}
