using System.Collections.Immutable;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Web.Features.Room.Components;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// The last hour of each device's sparkline point, for every open screen at once: read from history once per
/// <see cref="RefreshEvery"/> while anyone watches (not once per circuit), downsampled to <see cref="Points"/> values
/// and kept with its SVG path. A screen that opens reads what is there and never waits for the database; when a
/// refresh lands, the watchers are told.
/// </summary>
public sealed partial class RoomSparklines : IDisposable
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Range = TimeSpan.FromHours(1);
    public const int Points = 60;

    private readonly Lock _gate = new();
    private readonly LiveStateStore _liveState;
    private readonly HistoryQuery _history;
    private readonly TimeProvider _time;
    private readonly ILogger<RoomSparklines> _logger;
    private readonly ITimer _timer;
    private ImmutableArray<Action> _watchers = [];
    private IReadOnlyDictionary<string, SparklineSeries> _current = new Dictionary<string, SparklineSeries>(StringComparer.Ordinal);
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;
    private Task? _loading;
    private long _loads;

    public RoomSparklines(LiveStateStore liveState, HistoryQuery history, TimeProvider time, ILogger<RoomSparklines> logger)
    {
        _liveState = liveState;
        _history = history;
        _time = time;
        _logger = logger;
        _timer = time.CreateTimer(_ => StartLoad(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Refreshes read from history so far (one per minute however many screens are open).</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>The series of one device (empty until the first refresh has landed).</summary>
    public SparklineSeries Of(string deviceId) => _current.GetValueOrDefault(deviceId) ?? SparklineSeries.Empty;

    /// <summary>Watches the series: <paramref name="onRefresh"/> runs after each refresh. The first watcher starts the refreshes.</summary>
    public IDisposable Watch(Action onRefresh)
    {
        ArgumentNullException.ThrowIfNull(onRefresh);
        var watcher = SubscriberContext.Bind(onRefresh);
        lock (_gate)
        {
            _watchers = _watchers.Add(watcher);
            if (_watchers.Length == 1)
            {
                var due = _loadedAt + RefreshEvery - _time.GetUtcNow();
                _timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, RefreshEvery);
            }
        }

        return new Watcher(this, watcher);
    }

    /// <summary>Waits for the refresh under way, if any (tests).</summary>
    public Task WhenLoadedAsync() => Volatile.Read(ref _loading) ?? Task.CompletedTask;

    public void Dispose() => _timer.Dispose();

    private void Unwatch(Action onRefresh)
    {
        lock (_gate)
        {
            _watchers = _watchers.Remove(onRefresh);
            if (_watchers.IsEmpty)
            {
                // Nobody looks: no history queries until someone does.
                _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void StartLoad()
    {
        lock (_gate)
        {
            if (_loading is not null)
            {
                return;
            }

            _loading = Task.Run(LoadAsync);
        }
    }

    // Runs on the pool: its finally takes the gate, which the starter holds while it records the task.
    private async Task LoadAsync()
    {
        try
        {
            var to = _time.GetUtcNow();
            var series = new Dictionary<string, SparklineSeries>(StringComparer.Ordinal);
            foreach (var device in _liveState.GetDevices())
            {
                if (TileLayout.SparklinePoint(device.Kind) is { } point)
                {
                    var history = await _history.GetSeriesAsync(device.DeviceId, point, to - Range, to, CancellationToken.None).ConfigureAwait(false);
                    var values = new double[history.Samples.Count];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = history.Samples[i].Avg;
                    }

                    series[device.DeviceId] = SparklineSeries.From(SparklinePath.Downsample(values, Points));
                }
            }

            _current = series;
            _loadedAt = to;
            Interlocked.Increment(ref _loads);
        }
#pragma warning disable CA1031 // The previous lines stay on screen when history cannot be read; the next refresh tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogLoadFailed(_logger, ex);
        }
        finally
        {
            lock (_gate)
            {
                _loading = null;
            }
        }

        foreach (var watcher in _watchers)
        {
            watcher();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the sparklines' history failed; the previous lines stay on screen")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);

    private sealed class Watcher(RoomSparklines owner, Action onRefresh) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unwatch(onRefresh);
            }
        }
    }
}
