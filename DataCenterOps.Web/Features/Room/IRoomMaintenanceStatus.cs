namespace DataCenterOps.Web.Features.Room;

/// <summary>Which monitored devices someone is working on now (their tiles show "in maintenance").</summary>
public interface IRoomMaintenanceStatus
{
    Task<IReadOnlySet<string>> GetDevicesInMaintenanceAsync(CancellationToken cancellationToken);
}
