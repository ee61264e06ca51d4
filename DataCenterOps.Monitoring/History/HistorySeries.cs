namespace DataCenterOps.Monitoring.History;

/// <summary>A point's history over a range, at the resolution the range called for.</summary>
public sealed record HistorySeries(string DeviceId, string Point, HistoryResolution Resolution, IReadOnlyList<HistorySample> Samples);
