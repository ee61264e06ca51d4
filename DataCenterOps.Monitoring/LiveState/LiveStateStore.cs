using System.Collections.Concurrent;
using DataCenterOps.Monitoring.Devices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.LiveState;

/// <summary>
/// Latest value, quality and time of every point, and each device's polling status. Each device has one writer
/// (its poll loop); readers get immutable snapshots. Subscribers hear about every applied poll.
/// </summary>
public sealed partial class LiveStateStore
{
    private readonly ConcurrentDictionary<string, DeviceSnapshot> _devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DeviceOptions> _options = new(StringComparer.Ordinal);
    private readonly Lock _orderGate = new();
    private string[] _order;
    private readonly ChangeNotifier<LiveStateChange> _notifier;
    private readonly ILogger<LiveStateStore> _logger;

    public LiveStateStore(IOptions<MonitoringOptions> options, ILogger<LiveStateStore> logger)
    {
        _logger = logger;
        _notifier = new ChangeNotifier<LiveStateChange>(ex => LogSubscriberFailed(_logger, ex));
        _order = [.. options.Value.Devices.Select(d => d.Id).Distinct(StringComparer.Ordinal)];
        foreach (var device in options.Value.Devices)
        {
            _options[device.Id] = device;
            _devices[device.Id] = Fresh(device);
        }
    }

    /// <summary>Every monitored device: configured ones in configuration order, then those added while running.</summary>
    public IReadOnlyList<DeviceSnapshot> GetDevices() =>
        [.. Volatile.Read(ref _order).Select(id => _devices.GetValueOrDefault(id)).OfType<DeviceSnapshot>()];

    /// <summary>Starts tracking a device added while running (no points yet; subscribers hear of it at its first poll); no-op when it is known.</summary>
    public void Add(DeviceOptions device)
    {
        ArgumentNullException.ThrowIfNull(device);
        lock (_orderGate)
        {
            if (!_options.TryAdd(device.Id, device))
            {
                return;
            }

            _devices[device.Id] = Fresh(device);
            _order = [.. _order, device.Id];
        }
    }

    /// <summary>Stops tracking a device (its poll loop must have ended): it leaves the lists, the API and /metrics.</summary>
    public bool Remove(string deviceId)
    {
        lock (_orderGate)
        {
            if (!_options.TryRemove(deviceId, out _))
            {
                return false;
            }

            _devices.TryRemove(deviceId, out _);
            _order = [.. _order.Where(id => id != deviceId)];
            return true;
        }
    }

    private static DeviceSnapshot Fresh(DeviceOptions device) =>
        new(device, new DeviceStatus(device.Id, false, 0, null, null, null, null, 0, 0), []);

    public DeviceSnapshot? GetDevice(string deviceId) => _devices.GetValueOrDefault(deviceId);

    public PointState? GetPoint(string deviceId, string point) => GetDevice(deviceId)?.Find(point);

    /// <summary>
    /// The site code an alarm's source stands at: a device's configured <c>Site</c>; for a source that is no device
    /// and is named <c>NAME:CODE</c> (the access register's room of a site other than the default, <c>access:CODE</c>),
    /// CODE; otherwise empty (the default site, as a device without a site).
    /// </summary>
    public string SiteCodeOf(string sourceId)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        return GetDevice(sourceId) is { } device ? device.Site : Alarms.AlarmSources.SiteCodeNamedBy(sourceId);
    }

    /// <summary>Called for every applied poll; dispose the result to stop. Handlers run on the poller's thread: keep them short.</summary>
    public IDisposable Subscribe(Action<LiveStateChange> onChange) => _notifier.Subscribe(onChange);

    /// <summary>Records a successful poll: its points become Good (or the quality the device gave).</summary>
    public void ApplySuccess(string deviceId, IReadOnlyList<PointReading> readings, DateTimeOffset at, TimeSpan duration) =>
        ApplySuccess(deviceId, readings, at, duration, hasValidData: true, pollsForNoValidData: int.MaxValue);

    /// <summary>
    /// Records an answered poll. Without valid data (no usable key point) it counts towards "no valid data", which
    /// holds once <paramref name="pollsForNoValidData"/> polls in a row lacked valid data and ends at the first poll with it.
    /// </summary>
    public void ApplySuccess(string deviceId, IReadOnlyList<PointReading> readings, DateTimeOffset at, TimeSpan duration, bool hasValidData, int pollsForNoValidData)
    {
        var (device, previous) = Get(deviceId);
        var changed = new List<PointState>();
        var points = new List<PointState>(readings.Count);
        foreach (var reading in readings)
        {
            var before = previous.Find(reading.Point);
            var state = new PointState(deviceId, reading.Point, reading.Value, reading.Text, reading.Unit, reading.Quality, at);
            points.Add(state);
            if (before is null || before.Value != state.Value || before.Text != state.Text || before.Quality != state.Quality)
            {
                changed.Add(state);
            }
        }

        var old = previous.Status;
        var without = hasValidData ? 0 : old.PollsWithoutValidData + 1;
        var status = old with
        {
            IsCommLost = false,
            ConsecutiveMisses = 0,
            LastPoll = at,
            LastSuccess = at,
            LastPollDuration = duration,
            LastError = hasValidData ? null : "No valid data",
            SuccessfulPolls = old.SuccessfulPolls + 1,
            PollsWithoutValidData = without,
            IsNoValidData = without >= pollsForNoValidData,
        };
        Publish(device, status, points, changed, statusChanged: old.IsCommLost || old.LastSuccess is null || old.IsNoValidData != status.IsNoValidData);
    }

    /// <summary>Records a failed poll: every value is kept but marked Stale so it is never shown as live.</summary>
    public void ApplyMiss(string deviceId, DateTimeOffset at, TimeSpan duration, string error, int missedPollsForCommLost)
    {
        var (device, previous) = Get(deviceId);
        var changed = new List<PointState>();
        var points = new List<PointState>(previous.Points.Count);
        foreach (var point in previous.Points)
        {
            var state = point.Quality == PointQuality.Good ? point with { Quality = PointQuality.Stale } : point;
            points.Add(state);
            if (!ReferenceEquals(state, point))
            {
                changed.Add(state);
            }
        }

        var old = previous.Status;
        var misses = old.ConsecutiveMisses + 1;
        var without = old.PollsWithoutValidData + 1;
        var commLost = misses >= missedPollsForCommLost;
        var status = old with
        {
            IsCommLost = commLost,
            PollsWithoutValidData = without,
            // Misses count too (a device alternating nonsense and silence is "no valid data"); silence alone reaches comm-lost first.
            IsNoValidData = !commLost && old.LastSuccess is not null && without >= missedPollsForCommLost,
            ConsecutiveMisses = misses,
            LastPoll = at,
            LastPollDuration = duration,
            LastError = error,
            FailedPolls = old.FailedPolls + 1,
        };
        Publish(device, status, points, changed, statusChanged: status.IsCommLost != old.IsCommLost || status.IsNoValidData != old.IsNoValidData);
    }

    /// <summary>
    /// Applies a device's state as another node polled it (<see cref="LiveStateChange.IsReplica"/>): a device not known
    /// here is added with <paramref name="device"/> (a description without secrets); a state older than the one held
    /// (by its last poll) is ignored. Returns whether it was applied.
    /// </summary>
    public bool ApplyReplica(DeviceOptions device, DeviceStatus status, IReadOnlyList<PointState> points)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(points);
        Add(device);
        var (known, previous) = Get(device.Id);
        var old = previous.Status;
        if (old.LastPoll is { } held && (status.LastPoll is not { } given || given < held))
        {
            return false;
        }

        var changed = new List<PointState>();
        foreach (var state in points)
        {
            var before = previous.Find(state.Point);
            if (before is null || before.Value != state.Value || before.Text != state.Text || before.Quality != state.Quality)
            {
                changed.Add(state);
            }
        }

        var statusChanged = old.IsCommLost != status.IsCommLost || old.IsNoValidData != status.IsNoValidData || (old.LastSuccess is null) != (status.LastSuccess is null);
        Publish(known, status with { DeviceId = device.Id }, [.. points], changed, statusChanged, isReplica: true);
        return true;
    }

    private (DeviceOptions Device, DeviceSnapshot Snapshot) Get(string deviceId) =>
        _options.TryGetValue(deviceId, out var device)
            ? (device, _devices[deviceId])
            : throw new KeyNotFoundException($"Device '{deviceId}' is not configured.");

    private void Publish(DeviceOptions device, DeviceStatus status, List<PointState> points, List<PointState> changed, bool statusChanged, bool isReplica = false)
    {
        var snapshot = new DeviceSnapshot(device, status, points);
        _devices[device.Id] = snapshot;
        _notifier.Notify(new LiveStateChange(snapshot, changed, statusChanged, isReplica));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A live-state subscriber failed")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);
}
