namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>The engine's side of incidents shared through the store: across nodes (<see cref="UseShared"/>), across a restart (<see cref="Restore"/>), and what to save (<see cref="DrainIncidentChanges"/>).</summary>
public sealed partial class AlarmNotificationEngine
{
    /// <summary>
    /// Makes the engine's open incident of <paramref name="checkedRules"/> at <paramref name="site"/> the store's
    /// <paramref name="shared"/> one (or none): one it holds that the store no longer has open, and that has no active
    /// alarm here, is forgotten; the store's one is taken in, its opening notified if any node notified it.
    /// </summary>
    internal void UseShared(string site, IReadOnlyCollection<IncidentRule> checkedRules, SharedIncident? shared)
    {
        lock (_gate)
        {
            _incidents.RemoveAll(i => i.Site == site && checkedRules.Contains(i.Rule) && i.Id != shared?.Id
                && !_active.Values.Any(t => t.Incident == i));
            if (shared is not null && _incidents.All(i => i.Id != shared.Id) && rules.FirstOrDefault(r => r.Name == shared.Rule) is { } rule)
            {
                _incidents.Add(new OpenIncident(shared.Id, rule, shared.OpenedAt, site) { Notified = shared.OpeningNotified });
            }
        }
    }

    /// <summary>
    /// At start: continues the store's open incidents with their still-active alarms (as notified); one whose alarms
    /// have all cleared meanwhile is closed now.
    /// </summary>
    internal void Restore(IReadOnlyList<SharedIncident> open, IReadOnlyList<Alarm> active)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var byId = active.ToDictionary(a => a.Id);
            foreach (var shared in open)
            {
                if (_incidents.Any(i => i.Id == shared.Id) || rules.FirstOrDefault(r => r.Name == shared.Rule) is not { } rule)
                {
                    continue;
                }

                var incident = new OpenIncident(shared.Id, rule, shared.OpenedAt, shared.Site) { Notified = shared.OpeningNotified };
                foreach (var alarm in shared.AlarmIds.Select(id => byId.GetValueOrDefault(id)).OfType<Alarm>())
                {
                    incident.Add(alarm);
                    if (!_active.ContainsKey(alarm.Id))
                    {
                        _active[alarm.Id] = new Tracked(alarm)
                        {
                            Notified = true,
                            Incident = incident,
                            InMaintenance = windows.Find(alarm.DeviceId, now) is not null,
                        };
                    }
                }

                if (incident.Count == 0)
                {
                    _savedIncidents.Add(new Incident(shared.Id, rule.Name, rule.Category, shared.OpenedAt, now, AlarmSeverity.Warning, []) { Site = shared.Site });
                }
                else
                {
                    _incidents.Add(incident);
                }
            }
        }
    }

    /// <summary>
    /// What changed in incidents since the last call, for the incident store: each incident as it was after each
    /// change (opened, joined, severity, closed) and the flapping marks of their alarms, in order.
    /// </summary>
    internal IncidentJournal DrainIncidentChanges()
    {
        lock (_gate)
        {
            var journal = new IncidentJournal([.. _savedIncidents], [.. _savedNotes]);
            _savedIncidents.Clear();
            _savedNotes.Clear();
            return journal;
        }
    }
}
