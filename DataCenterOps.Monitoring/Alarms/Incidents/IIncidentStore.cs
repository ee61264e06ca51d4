namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// Where incidents live, beside the alarms: <see cref="SqliteIncidentStore"/> (monitoring.db) or
/// <see cref="PostgreSqlIncidentStore"/> (the database the nodes share). An incident row, the links to its alarms and
/// its notes (comments, flapping marks); the alarms and their events stay in the alarm store.
/// </summary>
internal interface IIncidentStore
{
    /// <summary>Writes the incident as it now is (opened, closed, severity) and links its alarms; safe to repeat.</summary>
    Task SaveAsync(Incident incident, CancellationToken cancellationToken);

    Task AddNoteAsync(IncidentNote note, CancellationToken cancellationToken);

    Task<IReadOnlyList<IncidentSummary>> ListAsync(IncidentFilter filter, CancellationToken cancellationToken);

    Task<IncidentSummary?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The ids of the incident's alarms, in the order they joined.</summary>
    Task<IReadOnlyList<Guid>> AlarmIdsAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The incident's notes, oldest first.</summary>
    Task<IReadOnlyList<IncidentNote>> NotesAsync(Guid id, CancellationToken cancellationToken);
}
