using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Benchmarks.Notifications;

/// <summary>
/// One mains-failure outage (mains failed, both UPSs on battery, a genset that fails to start and then runs with a
/// warning, battery low, a room that warms, a door opened to check, everything back after 12 minutes) through the
/// notification engine with the shipped rules: alarms raised beside the messages each channel sends.
/// E-mail, webhook and Telegram each send one message per notice; Alertmanager receives each alarm as one alert.
/// </summary>
public sealed class MainsFailureNotificationBenchmark : IEndToEndBenchmark
{
    public string Name => "notifications";

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        // The engine alone on a fake clock (the whole 12-minute story), then the real app against real peers.
        return [.. EngineFigures(), .. await LiveMainsFailure.RunAsync(cancellationToken)];
    }

    private static IReadOnlyList<Figure> EngineFigures()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var engine = new AlarmNotificationEngine(IncidentRules.Shipped, new NoWindows(), Options.Create(new AlarmNotificationOptions()), time);
        var notices = new List<AlarmNotice>();
        var active = new Dictionary<(string, string), Alarm>();
        var raised = 0;
        var alerts = new HashSet<(string, string)>();

        void Raise(string device, string key, AlarmSeverity severity)
        {
            var now = time.GetUtcNow();
            var alarm = new Alarm(Guid.CreateVersion7(now), device, key, severity, key, now);
            active[(device, key)] = alarm;
            raised++;
            notices.AddRange(engine.OnChange(new AlarmChange(alarm, new AlarmEvent(alarm.Id, device, key, AlarmEventKind.Raised, severity, AlarmService.SystemActor, now, null))));
            foreach (var pushed in engine.Pushable())
            {
                alerts.Add((pushed.DeviceId, pushed.Key));
            }
        }

        void Clear(string device, string key)
        {
            var alarm = active[(device, key)] with { ClearedAt = time.GetUtcNow() };
            active.Remove((device, key));
            notices.AddRange(engine.OnChange(new AlarmChange(alarm, new AlarmEvent(alarm.Id, device, key, AlarmEventKind.Cleared, alarm.Severity, AlarmService.SystemActor, time.GetUtcNow(), null))));
        }

        void Wait(TimeSpan span)
        {
            for (var left = span; left > TimeSpan.Zero; left -= TimeSpan.FromSeconds(15))
            {
                time.Advance(TimeSpan.FromSeconds(15));
                notices.AddRange(engine.Tick());
            }
        }

        Raise("genset-1", AlarmKeys.MainsFailed, AlarmSeverity.Critical);
        Wait(TimeSpan.FromSeconds(2));
        Raise("ups-1", AlarmKeys.UpsOnBattery, AlarmSeverity.Critical);
        Raise("ups-2", AlarmKeys.UpsOnBattery, AlarmSeverity.Critical);
        Raise("ups-1", AlarmKeys.UpsAlarmsPresent, AlarmSeverity.Warning);
        Raise("ups-2", AlarmKeys.UpsAlarmsPresent, AlarmSeverity.Warning);
        Wait(TimeSpan.FromSeconds(30));
        Raise("genset-1", AlarmKeys.GensetFailToStart, AlarmSeverity.Critical);
        Wait(TimeSpan.FromMinutes(2));
        Raise("genset-1", AlarmKeys.GensetAlarm("low_fuel_level"), AlarmSeverity.Warning);
        Raise("ups-1", AlarmKeys.UpsBatteryLow, AlarmSeverity.Critical);
        Raise("ups-2", AlarmKeys.UpsBatteryLow, AlarmSeverity.Critical);
        Wait(TimeSpan.FromMinutes(1));
        Clear("genset-1", AlarmKeys.GensetFailToStart);
        Wait(TimeSpan.FromMinutes(8));
        foreach (var key in active.Keys.ToList())
        {
            Clear(key.Item1, key.Item2);
        }

        Wait(TimeSpan.FromMinutes(1));
        var opened = notices.Count(n => n.Kind == AlarmNoticeKind.IncidentOpened);
        var closed = notices.Count(n => n.Kind == AlarmNoticeKind.IncidentResolved);
        IReadOnlyList<Figure> figures =
        [
            new("engine: alarms raised by the 12-minute outage", raised, "alarms"),
            new("engine: notices per channel (e-mail, webhook, Telegram each)", notices.Count, "messages"),
            new("engine: of which incident opened", opened, "messages"),
            new("engine: of which incident resolved", closed, "messages"),
            new("engine: of which escalations (nobody acknowledged within 15 min)", notices.Count(n => n.Kind == AlarmNoticeKind.Escalated), "messages"),
            new("engine: Alertmanager distinct alerts (one per alarm, resolved by endsAt)", alerts.Count, "alerts"),
        ];
        return figures;
    }

    private sealed class NoWindows : IMaintenanceWindows
    {
        public MaintenanceWindow? Find(string deviceId, DateTimeOffset at) => null;
    }
}
