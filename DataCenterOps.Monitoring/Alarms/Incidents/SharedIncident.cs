namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// An incident as the store holds it for every node: the one open incident of <see cref="Rule"/> at <see cref="Site"/>,
/// whether its opening was already notified (by any node), and its alarms in the order they joined.
/// </summary>
internal sealed record SharedIncident(
    Guid Id,
    string Rule,
    string Site,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    bool OpeningNotified,
    IReadOnlyList<Guid> AlarmIds);
