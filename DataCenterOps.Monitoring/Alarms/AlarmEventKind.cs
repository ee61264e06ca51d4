namespace DataCenterOps.Monitoring.Alarms;

/// <summary>What happened to an alarm; each is one row in <c>alarm_events</c>.</summary>
public enum AlarmEventKind
{
    Raised,
    SeverityChanged,
    Acknowledged,
    Cleared,

    /// <summary>A device sent an SNMP notification: an alarm row that is raised and cleared at the same instant.</summary>
    Trap,
}
