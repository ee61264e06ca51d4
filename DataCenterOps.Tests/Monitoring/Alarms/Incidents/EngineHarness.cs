using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Tests.Monitoring.Alarms.Incidents;

/// <summary>The notification engine on a fake clock, fed alarm changes as the alarm service makes them.</summary>
internal sealed class EngineHarness
{
    private readonly Dictionary<(string, string), Alarm> _active = [];

    public EngineHarness(AlarmNotificationOptions? options = null, DateTimeOffset? start = null)
    {
        Time = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        Options = options ?? new AlarmNotificationOptions { EscalateAfter = TimeSpan.FromMinutes(15), FlapChanges = 4, FlapWindow = TimeSpan.FromMinutes(10) };
        Engine = new AlarmNotificationEngine(IncidentRules.Shipped, Windows, Microsoft.Extensions.Options.Options.Create(Options), Time);
    }

    public FakeTimeProvider Time { get; }

    public FakeWindows Windows { get; } = new();

    public AlarmNotificationOptions Options { get; }

    public AlarmNotificationEngine Engine { get; }

    public List<AlarmNotice> Notices { get; } = [];

    public Alarm Raise(string deviceId, string key, AlarmSeverity severity = AlarmSeverity.Critical)
    {
        var now = Time.GetUtcNow();
        var alarm = new Alarm(Guid.CreateVersion7(now), deviceId, key, severity, key + " on " + deviceId, now);
        _active[(deviceId, key)] = alarm;
        Feed(alarm, AlarmEventKind.Raised, AlarmService.SystemActor);
        return alarm;
    }

    public void Clear(string deviceId, string key)
    {
        var alarm = _active[(deviceId, key)] with { ClearedAt = Time.GetUtcNow() };
        _active.Remove((deviceId, key));
        Feed(alarm, AlarmEventKind.Cleared, AlarmService.SystemActor);
    }

    public void Acknowledge(string deviceId, string key, string user)
    {
        var alarm = _active[(deviceId, key)] with { AcknowledgedBy = user, AcknowledgedAt = Time.GetUtcNow() };
        _active[(deviceId, key)] = alarm;
        Feed(alarm, AlarmEventKind.Acknowledged, user);
    }

    public Alarm Active(string deviceId, string key) => _active[(deviceId, key)];

    /// <summary>Moves the clock, ticking the engine every 15 s as the monitor does.</summary>
    public void Advance(TimeSpan by)
    {
        var end = Time.GetUtcNow() + by;
        while (Time.GetUtcNow() < end)
        {
            var step = TimeSpan.FromSeconds(15) < end - Time.GetUtcNow() ? TimeSpan.FromSeconds(15) : end - Time.GetUtcNow();
            Time.Advance(step);
            Notices.AddRange(Engine.Tick());
        }
    }

    public int Count(AlarmNoticeKind kind) => Notices.Count(n => n.Kind == kind);

    private void Feed(Alarm alarm, AlarmEventKind kind, string actor)
    {
        var change = new AlarmChange(alarm, new AlarmEvent(alarm.Id, alarm.DeviceId, alarm.Key, kind, alarm.Severity, actor, Time.GetUtcNow(), null));
        Notices.AddRange(Engine.OnChange(change));
    }

    internal sealed class FakeWindows : IMaintenanceWindows
    {
        public List<MaintenanceWindow> Open { get; } = [];

        public MaintenanceWindow? Find(string deviceId, DateTimeOffset at) => Open.FirstOrDefault(w => w.DeviceId == deviceId && w.Covers(at));
    }
}
