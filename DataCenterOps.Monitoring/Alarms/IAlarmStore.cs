namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// Where alarms and their audit trail live: <see cref="AlarmStore"/> (monitoring.db, one node) or
/// <see cref="PostgreSqlAlarmStore"/> (the database the nodes share).
/// </summary>
internal interface IAlarmStore
{
    /// <summary>
    /// Writes the alarm as it now is and its event row, in one transaction. Returns false when the change did not take
    /// effect because the store already holds a different truth (another node raised this alarm first, cleared it or
    /// acknowledged it); then nothing is written.
    /// </summary>
    Task<bool> SaveAsync(Alarm alarm, AlarmEvent alarmEvent, CancellationToken cancellationToken);

    Task<IReadOnlyList<Alarm>> LoadOpenAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Alarm>> LoadHistoryAsync(AlarmHistoryFilter filter, CancellationToken cancellationToken);

    /// <summary>Every event of one alarm, oldest first (the audit trail).</summary>
    Task<IReadOnlyList<AlarmEvent>> LoadEventsAsync(Guid alarmId, CancellationToken cancellationToken);
}
