namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// One occurrence of an alarm, identified by (<see cref="DeviceId"/>, <see cref="Key"/>) while active, e.g.
/// ("ups-1", "ups.on_battery"). Raised → acknowledged (who, when, comment) → cleared. <see cref="Message"/> is English
/// (logs, API); screens localise <see cref="MessageKey"/> (the alarm key when null) with <see cref="MessageArguments"/>.
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
    DateTimeOffset? ClearedAt = null,
    string? MessageKey = null,
    IReadOnlyList<string>? MessageArguments = null)
{
    /// <summary>The acknowledging person's display name (not their account), for screens; null when not given.</summary>
    public string? AcknowledgedByName { get; init; }

    public bool IsAcknowledged => AcknowledgedAt is not null;

    public bool IsCleared => ClearedAt is not null;
}
