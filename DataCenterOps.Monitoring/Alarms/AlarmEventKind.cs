namespace DataCenterOps.Monitoring.Alarms;

/// <summary>What happened to an alarm; each is one row in <c>alarm_events</c>.</summary>
public enum AlarmEventKind
{
    Raised,
    SeverityChanged,
    Acknowledged,
    Cleared,
}
