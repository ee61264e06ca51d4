namespace DataCenterOps.Monitoring.Devices;

/// <summary>
/// The one human-readable name of each device in every text monitoring hands out (notices, <c>/api/v1</c>). Monitoring
/// owns the contract; the host that knows a better name (the web app: the equipment registry's, the name on letters,
/// plans and screens) replaces the default, which is the device's configured name. Keys stay ids: a name is for people.
/// </summary>
public interface IDeviceDisplayNames
{
    /// <summary>The device's name; never waits (the last names known; the configured name or the id until then).</summary>
    string Of(string deviceId);

    /// <summary>Makes the names current before a batch of texts is written (a notice, an API answer).</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}
