namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// Related alarms grouped by an <see cref="IncidentRule"/>: opened by a parent alarm, joined by its children, closed
/// when all of them have cleared. <see cref="Alarms"/> is the timeline, oldest first (cleared ones carry ClearedAt).
/// </summary>
public sealed record Incident(
    Guid Id,
    string Rule,
    string Category,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    AlarmSeverity Severity,
    IReadOnlyList<Alarm> Alarms)
{
    /// <summary>The site code of the devices it is about (one open incident per rule and site); empty when sites are not told apart.</summary>
    public string Site { get; init; } = "";

    public TimeSpan? Duration => ClosedAt - OpenedAt;
}
