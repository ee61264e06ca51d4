namespace DataCenterOps.Domain.Access;

/// <summary>Same values as the monitoring alarm severities, so the adapter is a cast.</summary>
public enum AccessAlarmSeverity
{
    Warning = 1,
    Critical = 2,
}
