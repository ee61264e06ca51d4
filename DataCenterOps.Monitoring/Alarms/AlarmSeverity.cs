namespace DataCenterOps.Monitoring.Alarms;

public enum AlarmSeverity
{
    Warning = 1,
    Critical = 2,
}
