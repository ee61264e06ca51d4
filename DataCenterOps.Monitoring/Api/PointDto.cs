namespace DataCenterOps.Monitoring.Api;

/// <summary>A point in <c>/api/v1/devices</c>. <see cref="Quality"/> is Good, Stale, NotAvailable, SensorFault or CommLost.</summary>
public sealed record PointDto(string Name, double? Value, string? Text, string Unit, string Quality, DateTimeOffset Timestamp);
