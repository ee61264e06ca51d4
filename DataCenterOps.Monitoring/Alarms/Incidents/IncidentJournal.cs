namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>Incident changes for the store, in order: snapshots to save (upserted, so repeats are harmless) and notes to add.</summary>
internal sealed record IncidentJournal(IReadOnlyList<Incident> Incidents, IReadOnlyList<IncidentNote> Notes)
{
    public bool IsEmpty => Incidents.Count == 0 && Notes.Count == 0;
}
