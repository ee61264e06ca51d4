namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// A stored note on an incident: a person's comment (<paramref name="Actor"/> the account, <paramref name="ActorName"/>
/// the name screens show) or a flapping mark of one of its alarms (<paramref name="AlarmId"/>, actor "system").
/// </summary>
public sealed record IncidentNote(
    Guid IncidentId,
    IncidentNoteKind Kind,
    DateTimeOffset At,
    string Actor,
    string? ActorName,
    string? Text,
    Guid? AlarmId = null);
