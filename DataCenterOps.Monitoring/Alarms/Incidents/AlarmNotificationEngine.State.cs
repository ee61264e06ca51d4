namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>What the engine remembers: each active alarm, each alarm's recent state changes (flapping), each open incident.</summary>
public sealed partial class AlarmNotificationEngine
{
    private sealed class Tracked(Alarm alarm)
    {
        public Alarm Alarm { get; set; } = alarm;

        public bool InMaintenance { get; set; }

        public bool Suppressed { get; set; }

        public bool Notified { get; set; }

        public bool Escalated { get; set; }

        public OpenIncident? Incident { get; set; }
    }

    private sealed class FlapState
    {
        public Queue<DateTimeOffset> Changes { get; } = new();

        public DateTimeOffset LastChange { get; set; }

        public bool Flapping { get; set; }

        public void Forget(DateTimeOffset before)
        {
            while (Changes.TryPeek(out var oldest) && oldest < before)
            {
                Changes.Dequeue();
            }
        }
    }

    private sealed class OpenIncident(Guid id, IncidentRule rule, DateTimeOffset openedAt, string site)
    {
        private readonly List<Alarm> _alarms = [];

        public string Site { get; } = site;

        public int Count => _alarms.Count;

        public Guid Id { get; } = id;

        public IncidentRule Rule { get; } = rule;

        public DateTimeOffset OpenedAt { get; } = openedAt;

        public bool Notified { get; set; }

        public bool Escalated { get; set; }

        public void Add(Alarm alarm) => _alarms.Add(alarm);

        public void Update(Alarm alarm)
        {
            var at = _alarms.FindIndex(a => a.Id == alarm.Id);
            if (at >= 0)
            {
                _alarms[at] = alarm;
            }
        }

        // An incident taken in from the store may hold none of this node's alarms yet.
        public Incident Snapshot(DateTimeOffset? closedAt) => new(
            Id, Rule.Name, Rule.Category, OpenedAt, closedAt, _alarms.Count == 0 ? AlarmSeverity.Warning : _alarms.Max(a => a.Severity), [.. _alarms]) { Site = Site };
    }
}
