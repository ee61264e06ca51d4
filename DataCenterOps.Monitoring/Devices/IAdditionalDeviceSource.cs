namespace DataCenterOps.Monitoring.Devices;

/// <summary>
/// The port through which the host adds devices beside those under <c>Monitoring:Devices</c> (e.g. the ones an
/// Administrator commissioned and saved in the database). Monitoring knows nothing of where they live: it loads
/// them at start and again after each change signal, and polls, alarms and exports them like configured ones.
/// </summary>
public interface IAdditionalDeviceSource
{
    /// <summary>The devices as they are now, secrets in clear (held in memory only, never logged).</summary>
    Task<IReadOnlyList<DeviceOptions>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="onChanged"/> whenever the set may have changed; dispose to stop.</summary>
    IDisposable OnChanged(Action onChanged);
}
