namespace DataCenterOps.Web.Features.Room;

/// <summary>The equipment registry's names of the monitored devices, by device id (Equipment.MonitoringDeviceId).</summary>
public interface IRoomEquipmentNames
{
    Task<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken);
}
