using DataCenterOps.Monitoring.Profiles;
namespace DataCenterOps.Monitoring.Devices;

/// <summary>
/// Reads all points of one device in as few requests as its protocol allows. A failed poll throws (timeout,
/// protocol error, socket error); a point the device cannot give comes back with a non-Good quality instead.
/// </summary>
public interface IDeviceReader
{
    DeviceProtocol Protocol { get; }

    Task<DeviceReadResult> ReadAsync(DeviceOptions device, CancellationToken cancellationToken);
}
