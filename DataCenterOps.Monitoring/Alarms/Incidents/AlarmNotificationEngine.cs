using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// Decides what is worth a message: one notice opens an incident and one closes it, a communication-lost device's
/// other alarms are suppressed, a flapping alarm is notified once, alarms under maintenance are shown but neither
/// notified nor escalated, and an unacknowledged alarm or incident is escalated once after
/// <see cref="AlarmNotificationOptions.EscalateAfter"/> (unless it is, by then, under maintenance).
/// Fed alarm changes in order (<see cref="OnChange"/>) and the clock (<see cref="Tick"/>); thread-safe.
/// Incidents are per rule and site (<paramref name="siteOf"/>: a device's site code; none = one site). The
/// <see cref="IncidentPipeline"/> keeps the engine's open incidents those of the store, which every node and restart shares.
/// </summary>
public sealed partial class AlarmNotificationEngine(
    IReadOnlyList<IncidentRule> rules, IMaintenanceWindows windows, IOptions<AlarmNotificationOptions> options, TimeProvider time,
    Func<string, string>? siteOf = null)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Tracked> _active = [];
    private readonly Dictionary<(string DeviceId, string Key), FlapState> _flaps = [];
    private readonly List<OpenIncident> _incidents = [];
    private readonly HashSet<string> _commLost = new(StringComparer.Ordinal);
    private readonly List<Incident> _savedIncidents = [];
    private readonly List<IncidentNote> _savedNotes = [];

    /// <summary>Raised after every change of flags (maintenance, flapping, suppression) or of the pushable set.</summary>
    public event Action? Changed;

    private AlarmNotificationOptions Options => options.Value;

    internal IReadOnlyList<IncidentRule> Rules => rules;

    internal bool SendsRecovery => Options.SendRecovery;

    /// <summary>The site code of a device's incidents (empty when sites are not told apart).</summary>
    internal string SiteOf(string deviceId) => siteOf?.Invoke(deviceId) ?? "";

    /// <summary>Flags of an active alarm (all false for an alarm the engine has not seen).</summary>
    public AlarmFlags FlagsOf(Alarm alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        lock (_gate)
        {
            var flapping = IsFlapping(alarm);
            return _active.TryGetValue(alarm.Id, out var t)
                ? new AlarmFlags(t.InMaintenance, flapping, t.Suppressed, t.Incident?.Id)
                : new AlarmFlags(false, flapping, false, null);
        }
    }

    /// <summary>Active alarms that belong in an outside alarm manager: not under maintenance, not suppressed.</summary>
    public IReadOnlyList<Alarm> Pushable()
    {
        lock (_gate)
        {
            return [.. _active.Values.Where(t => !t.InMaintenance && !t.Suppressed).Select(t => t.Alarm).OrderBy(a => a.RaisedAt)];
        }
    }

    /// <summary>Open incidents, oldest first.</summary>
    public IReadOnlyList<Incident> OpenIncidents()
    {
        lock (_gate)
        {
            return [.. _incidents.Where(i => i.Count > 0).Select(i => i.Snapshot(null))];
        }
    }

    /// <summary>Takes in one alarm change (in the order the alarm service made them); returns the notices to send.</summary>
    public IReadOnlyList<AlarmNotice> OnChange(AlarmChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var notices = new List<AlarmNotice>();
        lock (_gate)
        {
            var alarm = change.Alarm;
            var now = change.Event.At;
            switch (change.Event.Kind)
            {
                case AlarmEventKind.Raised:
                    OnRaised(alarm, now, notices);
                    break;
                case AlarmEventKind.SeverityChanged or AlarmEventKind.Acknowledged:
                    if (_active.TryGetValue(alarm.Id, out var tracked))
                    {
                        tracked.Alarm = alarm;
                        if (tracked.Incident is { } joined)
                        {
                            joined.Update(alarm);
                            _savedIncidents.Add(joined.Snapshot(null));
                        }
                    }

                    break;
                case AlarmEventKind.Cleared:
                    OnCleared(alarm, now, notices);
                    break;
                default:
                    return [];
            }
        }

        Changed?.Invoke();
        return notices;
    }

    /// <summary>Re-checks windows, flapping and escalations at the current time; returns the notices to send.</summary>
    public IReadOnlyList<AlarmNotice> Tick()
    {
        var notices = new List<AlarmNotice>();
        var changed = false;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var ((deviceId, key), flap) in _flaps.ToList())
            {
                flap.Forget(now - Options.FlapWindow);
                if (flap.Flapping && now - flap.LastChange >= Options.FlapWindow)
                {
                    // Settled: if it stayed raised, say so once now; if it stayed clear there is nothing to say.
                    flap.Flapping = false;
                    changed = true;
                    if (_active.Values.FirstOrDefault(t => t.Alarm.DeviceId == deviceId && t.Alarm.Key == key) is { } stuck)
                    {
                        NotifyIfDue(stuck, now, notices);
                    }
                }

                if (!flap.Flapping && flap.Changes.Count == 0)
                {
                    _flaps.Remove((deviceId, key));
                }
            }

            foreach (var tracked in _active.Values.OrderBy(t => t.Alarm.RaisedAt).ToList())
            {
                var inWindow = windows.Find(tracked.Alarm.DeviceId, now) is not null;
                if (inWindow != tracked.InMaintenance)
                {
                    tracked.InMaintenance = inWindow;
                    changed = true;
                    if (!inWindow)
                    {
                        // The window ended with the alarm still there: now it is news.
                        NotifyIfDue(tracked, now, notices);
                    }
                }
            }

            Escalate(now, notices);
        }

        if (changed)
        {
            Changed?.Invoke();
        }

        return notices;
    }

    private void OnRaised(Alarm alarm, DateTimeOffset now, List<AlarmNotice> notices)
    {
        var wasFlapping = RecordFlap(alarm, now, notices);
        var tracked = new Tracked(alarm)
        {
            InMaintenance = windows.Find(alarm.DeviceId, now) is not null,
            Suppressed = alarm.Key != AlarmKeys.CommLost && _commLost.Contains(alarm.DeviceId),
        };
        _active[alarm.Id] = tracked;
        if (alarm.Key == AlarmKeys.CommLost)
        {
            _commLost.Add(alarm.DeviceId);
            foreach (var other in _active.Values.Where(t => t.Alarm.DeviceId == alarm.DeviceId && t.Alarm.Key != AlarmKeys.CommLost))
            {
                other.Suppressed = true;
            }
        }

        var site = SiteOf(alarm.DeviceId);
        tracked.Incident = _incidents.FirstOrDefault(i => i.Site == site && i.Rule.Groups(alarm.Key));
        if (tracked.Incident is null && rules.FirstOrDefault(r => r.IsParent(alarm.Key)) is { } rule)
        {
            tracked.Incident = new OpenIncident(Guid.CreateVersion7(now), rule, now, site);
            _incidents.Add(tracked.Incident);
        }

        if (tracked.Incident is { } incidentOfAlarm)
        {
            incidentOfAlarm.Add(alarm);
            _savedIncidents.Add(incidentOfAlarm.Snapshot(null));
        }

        if (!wasFlapping)
        {
            NotifyIfDue(tracked, now, notices);
        }
    }

    private void OnCleared(Alarm alarm, DateTimeOffset now, List<AlarmNotice> notices)
    {
        var flapping = RecordFlap(alarm, now, notices);
        if (!_active.Remove(alarm.Id, out var tracked))
        {
            return;
        }

        if (alarm.Key == AlarmKeys.CommLost)
        {
            _commLost.Remove(alarm.DeviceId);
            foreach (var other in _active.Values.Where(t => t.Alarm.DeviceId == alarm.DeviceId).ToList())
            {
                other.Suppressed = false;
                NotifyIfDue(other, now, notices);
            }
        }

        if (tracked.Incident is { } incident)
        {
            incident.Update(alarm);
            if (!_active.Values.Any(t => t.Incident == incident))
            {
                _incidents.Remove(incident);
                _savedIncidents.Add(incident.Snapshot(now));
                if (incident.Notified && Options.SendRecovery)
                {
                    var closed = incident.Snapshot(now);
                    notices.Add(new AlarmNotice($"incident:{incident.Id:N}:resolved", AlarmNoticeKind.IncidentResolved, closed.Severity, now, closed.Alarms, closed));
                }
            }
        }
        else if (tracked.Notified && !flapping && Options.SendRecovery)
        {
            notices.Add(new AlarmNotice($"alarm:{alarm.Id:N}:cleared", AlarmNoticeKind.Cleared, alarm.Severity, now, [alarm]));
        }
    }

    /// <summary>Counts one state change; returns true when the alarm is flapping (notifying once when it starts).</summary>
    private bool RecordFlap(Alarm alarm, DateTimeOffset now, List<AlarmNotice> notices)
    {
        var id = (alarm.DeviceId, alarm.Key);
        if (!_flaps.TryGetValue(id, out var flap))
        {
            flap = new FlapState();
            _flaps[id] = flap;
        }

        flap.Forget(now - Options.FlapWindow);
        flap.Changes.Enqueue(now);
        flap.LastChange = now;
        if (!flap.Flapping && flap.Changes.Count > Options.FlapChanges)
        {
            flap.Flapping = true;
            var incident = _active.TryGetValue(alarm.Id, out var tracked) ? tracked.Incident : _incidents.FirstOrDefault(i => i.Site == SiteOf(alarm.DeviceId) && i.Rule.Groups(alarm.Key));
            if (incident is not null)
            {
                _savedNotes.Add(new IncidentNote(incident.Id, IncidentNoteKind.Flapping, now, AlarmService.SystemActor, null, null, alarm.Id));
            }

            if (windows.Find(alarm.DeviceId, now) is null && !_commLost.Contains(alarm.DeviceId))
            {
                notices.Add(new AlarmNotice($"alarm:{alarm.Id:N}:flapping", AlarmNoticeKind.Flapping, alarm.Severity, now, [alarm]));
            }

            return true;
        }

        return flap.Flapping;
    }

    private void NotifyIfDue(Tracked tracked, DateTimeOffset now, List<AlarmNotice> notices)
    {
        if (tracked.Notified || tracked.InMaintenance || tracked.Suppressed)
        {
            return;
        }

        tracked.Notified = true;
        if (tracked.Incident is { } incident)
        {
            if (!incident.Notified)
            {
                incident.Notified = true;
                var open = incident.Snapshot(null);
                notices.Add(new AlarmNotice($"incident:{incident.Id:N}:opened", AlarmNoticeKind.IncidentOpened, open.Severity, now, open.Alarms, open));
            }

            return;
        }

        notices.Add(new AlarmNotice($"alarm:{tracked.Alarm.Id:N}:raised", AlarmNoticeKind.Raised, tracked.Alarm.Severity, now, [tracked.Alarm]));
    }

    private void Escalate(DateTimeOffset now, List<AlarmNotice> notices)
    {
        var after = Options.EscalateAfter;
        foreach (var tracked in _active.Values.Where(t => t.Incident is null && t.Notified && !t.Escalated).OrderBy(t => t.Alarm.RaisedAt).ToList())
        {
            if (!tracked.Alarm.IsAcknowledged && !tracked.InMaintenance && !tracked.Suppressed && !IsFlapping(tracked.Alarm)
                && now - tracked.Alarm.RaisedAt >= after)
            {
                tracked.Escalated = true;
                notices.Add(new AlarmNotice($"alarm:{tracked.Alarm.Id:N}:escalated", AlarmNoticeKind.Escalated, tracked.Alarm.Severity, now, [tracked.Alarm]));
            }
        }

        foreach (var incident in _incidents.Where(i => i.Notified && !i.Escalated && now - i.OpenedAt >= after))
        {
            var members = _active.Values.Where(t => t.Incident == incident).ToList();
            // Escalate only what someone should still be told of: nobody acknowledged any of it, and some of it is not under maintenance.
            if (members.Count > 0 && !members.Any(t => t.Alarm.IsAcknowledged) && members.Any(t => !t.InMaintenance && !t.Suppressed))
            {
                incident.Escalated = true;
                var open = incident.Snapshot(null);
                notices.Add(new AlarmNotice($"incident:{incident.Id:N}:escalated", AlarmNoticeKind.Escalated, open.Severity, now, open.Alarms, open));
            }
        }
    }

    private bool IsFlapping(Alarm alarm) => _flaps.TryGetValue((alarm.DeviceId, alarm.Key), out var flap) && flap.Flapping;
}
