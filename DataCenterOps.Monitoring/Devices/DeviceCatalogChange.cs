namespace DataCenterOps.Monitoring.Devices;

/// <summary>What a <see cref="DeviceCatalog.RefreshAsync"/> changed: devices to start polling and device ids to stop.</summary>
public sealed record DeviceCatalogChange(IReadOnlyList<DeviceOptions> Added, IReadOnlyList<string> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;
}
