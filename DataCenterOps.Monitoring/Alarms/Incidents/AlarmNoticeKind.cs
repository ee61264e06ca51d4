namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>What a notification says. Channels send one message per notice.</summary>
public enum AlarmNoticeKind
{
    /// <summary>An alarm that belongs to no incident was raised.</summary>
    Raised,

    /// <summary>A notified alarm that belongs to no incident cleared (recovery message).</summary>
    Cleared,

    /// <summary>The first notifiable alarm of an incident: one message for the whole outage.</summary>
    IncidentOpened,

    /// <summary>Every alarm of a notified incident has cleared (recovery message).</summary>
    IncidentResolved,

    /// <summary>An alarm changes state too often; it is not notified again until it settles.</summary>
    Flapping,

    /// <summary>A notified alarm or incident is still unacknowledged after <c>Notifications:EscalateAfter</c>.</summary>
    Escalated,
}
