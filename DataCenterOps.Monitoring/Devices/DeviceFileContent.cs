namespace DataCenterOps.Monitoring.Devices;

/// <summary>What <see cref="DeviceFile"/> read: the entries, or the problem that stopped it (then no entries).</summary>
internal sealed record DeviceFileContent<T>(IReadOnlyList<DeviceFileEntry<T>> Entries, IReadOnlyList<string> Problems)
{
    public static DeviceFileContent<T> Failed(string problem) => new([], [problem]);
}
