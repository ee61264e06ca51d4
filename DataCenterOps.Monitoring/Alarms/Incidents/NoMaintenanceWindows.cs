namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>Used when the host registers no <see cref="IMaintenanceWindows"/>: nothing is ever under maintenance.</summary>
internal sealed class NoMaintenanceWindows : IMaintenanceWindows
{
    public MaintenanceWindow? Find(string deviceId, DateTimeOffset at) => null;
}
