namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// What the notification engine knows of an active alarm, for badges: under maintenance, flapping, suppressed because
/// its device is not answering, and the incident it belongs to.
/// </summary>
public readonly record struct AlarmFlags(bool InMaintenance, bool Flapping, bool Suppressed, Guid? IncidentId)
{
    /// <summary>True when the alarm is shown but not notified (and not pushed to Alertmanager).</summary>
    public bool Silenced => InMaintenance || Suppressed;
}
