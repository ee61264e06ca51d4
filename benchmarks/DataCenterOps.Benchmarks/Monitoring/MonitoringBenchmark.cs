using DataCenterOps.Benchmarks.EndToEnd;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>
/// <c>e2e monitoring</c>: reading ingest (ours vs EF Core), poll cycle and CPU for 200 simulated devices, and
/// threshold evaluation rate.
/// </summary>
public sealed class MonitoringBenchmark : IEndToEndBenchmark
{
    public string Name => "monitoring";

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("dcops-bench-monitoring-").FullName;
        try
        {
            var figures = new List<Figure>();
            figures.AddRange(await IngestFigures.RunAsync(directory, cancellationToken));
            figures.AddRange(ThresholdFigures.Run());
            return figures;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
