namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>A stored incident with its alarms (as they now are, in the order they were raised) and its timeline.</summary>
public sealed record IncidentDetail(
    IncidentSummary Summary,
    IReadOnlyList<Alarm> Alarms,
    IReadOnlyList<IncidentTimelineEntry> Timeline)
{
    /// <summary>The people who acknowledged any of its alarms, by display name (the account where none was given), once each.</summary>
    public IReadOnlyList<string> AcknowledgedBy =>
        [.. Alarms.Where(a => a.IsAcknowledged).Select(a => a.AcknowledgedByName ?? a.AcknowledgedBy ?? "").Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];
}
