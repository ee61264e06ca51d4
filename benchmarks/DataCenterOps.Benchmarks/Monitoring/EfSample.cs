namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>The EF Core peer's row: the same columns as our samples table.</summary>
public sealed class EfSample
{
    public long Id { get; set; }

    public long SeriesId { get; set; }

    public long Ts { get; set; }

    public double Value { get; set; }
}
