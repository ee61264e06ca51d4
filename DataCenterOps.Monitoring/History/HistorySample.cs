namespace DataCenterOps.Monitoring.History;

/// <summary>One point of a series: for raw samples Min = Avg = Max; for rollups the bucket's start and statistics.</summary>
public readonly record struct HistorySample(DateTimeOffset Timestamp, double Min, double Avg, double Max, long Count);
