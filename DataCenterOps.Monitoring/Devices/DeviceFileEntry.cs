namespace DataCenterOps.Monitoring.Devices;

/// <summary>One entry of a device list file and the line it starts on.</summary>
internal sealed record DeviceFileEntry<T>(int Line, T Device);
