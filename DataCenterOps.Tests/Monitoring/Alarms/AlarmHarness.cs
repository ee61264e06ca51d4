using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Physics;
using DataCenterOps.Tests.Monitoring.Devices;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Tests.Monitoring.Alarms;

/// <summary>Live state, rules and the alarm service wired as in the app, on a real monitoring.db and a fake clock.</summary>
internal sealed class AlarmHarness : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly AlarmMonitor _monitor;

    public AlarmHarness(params DeviceOptions[] devices)
        : this(new RoomPhysicsOptions(), devices)
    {
    }

    public AlarmHarness(RoomPhysicsOptions room, params DeviceOptions[] devices)
    {
        var options = Options.Create(new MonitoringOptions { Devices = [.. devices], DataDirectory = _temp.Path });
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        LiveState = new LiveStateStore(options, NullLogger<LiveStateStore>.Instance);
        Database = new MonitoringDatabase(options);
        Alarms = new AlarmService(new AlarmStore(Database), Time, [Audit], NullLogger<AlarmService>.Instance);
        _monitor = new AlarmMonitor(LiveState, new AlarmEvaluator(options, new TemperatureRates(Options.Create(room))), Alarms, Time);
    }

    public FakeTimeProvider Time { get; }

    public LiveStateStore LiveState { get; }

    public MonitoringDatabase Database { get; }

    public AlarmService Alarms { get; }

    public RecordingAuditSink Audit { get; } = new();

    public Task StartAsync() => _monitor.StartAsync(CancellationToken.None);

    /// <summary>A successful poll with these readings, <paramref name="after"/> after the previous one.</summary>
    public void Poll(string deviceId, TimeSpan after, params PointReading[] readings)
    {
        Time.Advance(after);
        LiveState.ApplySuccess(deviceId, DataCenterOps.Monitoring.Polling.ComputedPoints.Add(LiveState.GetDevice(deviceId)!.Kind, readings), Time.GetUtcNow(), TimeSpan.FromMilliseconds(5));
    }

    public void Miss(string deviceId, TimeSpan after)
    {
        Time.Advance(after);
        LiveState.ApplyMiss(deviceId, Time.GetUtcNow(), TimeSpan.FromSeconds(1), "Timed out", 3);
    }

    public Alarm? Active(string deviceId, string key) => Alarms.GetActive().SingleOrDefault(a => a.DeviceId == deviceId && a.Key == key);

    public async ValueTask DisposeAsync()
    {
        await _monitor.StopAsync(CancellationToken.None);
        _monitor.Dispose();
        _temp.Dispose();
    }
}
