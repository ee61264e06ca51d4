namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>One stored incident as a list shows it: its rule, when it opened and closed, how bad, how many alarms.</summary>
public sealed record IncidentSummary(
    Guid Id,
    string Rule,
    string Category,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    AlarmSeverity Severity,
    int AlarmCount)
{
    public IncidentState State => ClosedAt is null ? IncidentState.Open : IncidentState.Closed;

    public TimeSpan? Duration => ClosedAt - OpenedAt;
}
