namespace DataCenterOps.Domain.Access;

/// <summary>
/// An access alarm the door cross-check holds raised, kept so that it survives a restart: the next process clears it
/// when its condition ends (the opening resolved, the people gone) and does not raise it a second time.
/// </summary>
public sealed class RaisedAccessAlarm
{
    public string Source { get; set; } = "";
    public string Key { get; set; } = "";
    public Guid SiteId { get; set; }
    public string RoomSource { get; set; } = "";
    public AccessAlarmSeverity Severity { get; set; }
    public string Message { get; set; } = "";
    public DateTime RaisedAtUtc { get; set; }

    public static RaisedAccessAlarm Of(AccessAlarm alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        return new()
        {
            Source = alarm.Source,
            Key = alarm.Key,
            SiteId = alarm.SiteId,
            RoomSource = alarm.RoomSource,
            Severity = alarm.Severity,
            Message = alarm.Message,
            RaisedAtUtc = alarm.RaisedAtUtc,
        };
    }

    public AccessAlarm ToAlarm() => new(Source, Key, Severity, Message, RaisedAtUtc) { SiteId = SiteId, RoomSource = RoomSource };
}
