using DataCenterOps.Monitoring.LiveState;

namespace DataCenterOps.Monitoring.Devices;

/// <summary>The default <see cref="IDeviceDisplayNames"/>: the name in the device's configuration, else its id.</summary>
public sealed class ConfiguredDeviceNames(LiveStateStore liveState) : IDeviceDisplayNames
{
    public string Of(string deviceId) => liveState.GetDevice(deviceId)?.Name ?? deviceId;

    public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
