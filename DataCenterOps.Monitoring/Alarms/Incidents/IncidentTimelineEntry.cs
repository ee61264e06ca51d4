namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// One line of an incident's timeline, oldest first: an event of one of its alarms (<paramref name="Alarm"/> set), or a
/// comment on the incident. <paramref name="ActorName"/> is a person's display name (null for the system's changes);
/// <paramref name="Text"/> the acknowledgement's or the comment's words.
/// </summary>
public sealed record IncidentTimelineEntry(
    DateTimeOffset At,
    IncidentTimelineKind Kind,
    Alarm? Alarm,
    AlarmSeverity? Severity,
    string? Actor,
    string? ActorName,
    string? Text);
