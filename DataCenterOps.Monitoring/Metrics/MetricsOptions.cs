namespace DataCenterOps.Monitoring.Metrics;

/// <summary><c>Metrics</c>: when <see cref="ApiKey"/> is set, <c>/metrics</c> needs <c>Authorization: Bearer KEY</c>; open otherwise.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    public string? ApiKey { get; set; }
}
