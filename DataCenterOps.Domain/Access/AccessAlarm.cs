using DataCenterOps.Domain.Sites;

namespace DataCenterOps.Domain.Access;

/// <summary>An access alarm: <paramref name="Source"/> is the door's device id (or the room source of its site, <see cref="AccessAlarmKeys.RoomSourceOf"/>), <paramref name="Key"/> one of <see cref="AccessAlarmKeys"/>.</summary>
public sealed record AccessAlarm(string Source, string Key, AccessAlarmSeverity Severity, string Message, DateTime RaisedAtUtc)
{
    /// <summary>The site whose door or room it is: screens show only the current site's.</summary>
    public Guid SiteId { get; init; } = Site.DefaultId;

    /// <summary>
    /// The room source of that site (<see cref="AccessAlarmKeys.RoomSourceOf"/>: <c>access</c> for the default site,
    /// <c>access:CODE</c> for another): the pseudo-device the room's alarm screens, the API and /metrics file it under,
    /// a door's alarm too (its key then names the door).
    /// </summary>
    public string RoomSource { get; init; } = AccessAlarmKeys.RoomSource;
}
