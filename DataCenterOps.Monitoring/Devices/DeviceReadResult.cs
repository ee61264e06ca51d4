namespace DataCenterOps.Monitoring.Devices;

/// <summary>Every point of one device from one poll, and how many protocol requests it took.</summary>
public sealed record DeviceReadResult(IReadOnlyList<PointReading> Points, int Requests);
