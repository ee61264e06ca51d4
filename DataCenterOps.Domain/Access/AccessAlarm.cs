namespace DataCenterOps.Domain.Access;

/// <summary>An access alarm: <paramref name="Source"/> is the door's device id (or "access" for the room), <paramref name="Key"/> one of <see cref="AccessAlarmKeys"/>.</summary>
public sealed record AccessAlarm(string Source, string Key, AccessAlarmSeverity Severity, string Message, DateTime RaisedAtUtc);
