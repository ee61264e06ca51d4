namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// Where incidents live, beside the alarms: <see cref="SqliteIncidentStore"/> (monitoring.db) or
/// <see cref="PostgreSqlIncidentStore"/> (the database the nodes share). An incident row, the links to its alarms and
/// its notes (comments, flapping marks); the alarms and their events stay in the alarm store.
/// </summary>
internal interface IIncidentStore
{
    /// <summary>
    /// Writes the incident as it now is (opened, severity, never lowered) and links its alarms; safe to repeat. A closed
    /// snapshot closes it only when none of its linked alarms is still active (another node's may be).
    /// </summary>
    Task SaveAsync(Incident incident, CancellationToken cancellationToken);

    /// <summary>The open incident of <paramref name="rule"/> at <paramref name="site"/>, or null.</summary>
    Task<SharedIncident?> FindOpenAsync(string rule, string site, CancellationToken cancellationToken);

    /// <summary>
    /// Opens <paramref name="candidate"/> unless <paramref name="candidate"/>'s rule already has an open incident at its
    /// site (the database constraint decides between nodes); returns the open one, whichever it is.
    /// </summary>
    Task<SharedIncident> OpenOrJoinAsync(Incident candidate, CancellationToken cancellationToken);

    /// <summary>The incident as stored with its alarm ids, or null.</summary>
    Task<SharedIncident?> FindSharedAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Every open incident with its alarm ids (what a node continues after a restart).</summary>
    Task<IReadOnlyList<SharedIncident>> LoadOpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes the right to send the incident's <paramref name="kind"/> notice (opened, resolved, escalated): true once per
    /// incident across nodes and restarts.
    /// </summary>
    Task<bool> ClaimNoticeAsync(Guid id, AlarmNoticeKind kind, CancellationToken cancellationToken);

    Task AddNoteAsync(IncidentNote note, CancellationToken cancellationToken);

    Task<IReadOnlyList<IncidentSummary>> ListAsync(IncidentFilter filter, CancellationToken cancellationToken);

    Task<IncidentSummary?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The ids of the incident's alarms, in the order they joined.</summary>
    Task<IReadOnlyList<Guid>> AlarmIdsAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The incident's notes, oldest first.</summary>
    Task<IReadOnlyList<IncidentNote>> NotesAsync(Guid id, CancellationToken cancellationToken);
}
