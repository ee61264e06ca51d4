namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>Which stored incidents <see cref="IncidentService.ListAsync"/> returns, newest first: opened in [From, To), in a state.</summary>
public sealed record IncidentFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    IncidentState? State = null,
    int Limit = 200);
