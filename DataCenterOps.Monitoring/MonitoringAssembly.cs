namespace DataCenterOps.Monitoring;

/// <summary>Marks the Monitoring assembly (for scanning and tests).</summary>
public static class MonitoringAssembly;
