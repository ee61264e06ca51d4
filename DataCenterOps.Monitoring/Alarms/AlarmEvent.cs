namespace DataCenterOps.Monitoring.Alarms;

/// <summary>An audit record of one alarm change: who (a user, or "system"), what and when (UTC).</summary>
public sealed record AlarmEvent(
    Guid AlarmId,
    string DeviceId,
    string Key,
    AlarmEventKind Kind,
    AlarmSeverity Severity,
    string Actor,
    DateTimeOffset At,
    string? Comment);
