namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// The port through which the Web tells monitoring which devices are under maintenance (monitoring knows nothing of
/// letters or plans). Called often and from the notification loop: answer from memory, never block.
/// </summary>
public interface IMaintenanceWindows
{
    /// <summary>The window covering <paramref name="deviceId"/> at <paramref name="at"/>, or null.</summary>
    MaintenanceWindow? Find(string deviceId, DateTimeOffset at);
}
