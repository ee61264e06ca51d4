namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>Whether an incident still has an active alarm (<see cref="Open"/>) or every one of them cleared.</summary>
public enum IncidentState
{
    Open,
    Closed,
}
