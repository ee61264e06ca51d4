namespace DataCenterOps.Monitoring.History;

/// <summary>Which table a series came from: raw samples, 1-minute or 1-hour rollups.</summary>
public enum HistoryResolution
{
    Raw,
    Minute,
    Hour,
}
