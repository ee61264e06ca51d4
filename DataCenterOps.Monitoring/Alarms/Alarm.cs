namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// One occurrence of an alarm, identified by (<see cref="DeviceId"/>, <see cref="Key"/>) while active, e.g.
/// ("ups-1", "ups.on_battery"). Raised → acknowledged (who, when, comment) → cleared.
/// </summary>
public sealed record Alarm(
    Guid Id,
    string DeviceId,
    string Key,
    AlarmSeverity Severity,
    string Message,
    DateTimeOffset RaisedAt,
    string? AcknowledgedBy = null,
    DateTimeOffset? AcknowledgedAt = null,
    string? AcknowledgeComment = null,
    DateTimeOffset? ClearedAt = null)
{
    public bool IsAcknowledged => AcknowledgedAt is not null;

    public bool IsCleared => ClearedAt is not null;
}
