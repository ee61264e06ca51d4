namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>One line of an incident's timeline.</summary>
public enum IncidentTimelineKind
{
    Raised,
    SeverityChanged,
    Acknowledged,
    Cleared,
    Flapping,
    Comment,
}
