namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// One notification to send on every channel. <paramref name="Id"/> is stable (channels dedupe on it);
/// <paramref name="Alarms"/> are the alarm itself, or the incident's alarms in the order they were raised.
/// <paramref name="Incident"/> is set for incident notices (and for escalations of an incident).
/// </summary>
public sealed record AlarmNotice(
    string Id,
    AlarmNoticeKind Kind,
    AlarmSeverity Severity,
    DateTimeOffset At,
    IReadOnlyList<Alarm> Alarms,
    Incident? Incident = null)
{
    /// <summary>The alarm the notice is about: the incident's first alarm, or the one alarm.</summary>
    public Alarm Alarm => Alarms[0];
}
