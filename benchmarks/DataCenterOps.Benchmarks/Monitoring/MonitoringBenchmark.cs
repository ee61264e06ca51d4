using DataCenterOps.Benchmarks.EndToEnd;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>
/// <c>e2e monitoring</c>: reading ingest (ours vs EF Core), chart queries on a year of history, poll cycle and CPU for 200 simulated devices, and
/// threshold evaluation rate.
/// </summary>
public sealed class MonitoringBenchmark : IEndToEndBenchmark
{
    public string Name => "monitoring";

    public TimeSpan Timeout => TimeSpan.FromMinutes(20);

    // Printed as each part ends, so a run cut short still says what it measured.
    private static void Print(List<Figure> figures, IReadOnlyList<Figure> part)
    {
        foreach (var figure in part)
        {
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  {figure.What}: {figure.Value:0.###} {figure.Unit}"));
        }

        figures.AddRange(part);
    }

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("dcops-bench-monitoring-").FullName;
        try
        {
            var figures = new List<Figure>();
            Print(figures, await IngestFigures.RunAsync(directory, cancellationToken));
            Print(figures, await HistoryQueryFigures.RunAsync(directory, cancellationToken));
            Print(figures, ThresholdFigures.Run());
            Print(figures, await PollingFigures.RunAsync(directory, cancellationToken));
            return figures;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
