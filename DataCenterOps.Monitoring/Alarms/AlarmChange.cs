namespace DataCenterOps.Monitoring.Alarms;

/// <summary>Sent to <see cref="AlarmService"/> subscribers: the alarm as it now is and the event that changed it.</summary>
public sealed record AlarmChange(Alarm Alarm, AlarmEvent Event);
