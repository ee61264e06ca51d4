namespace DataCenterOps.Benchmarks.EndToEnd;

/// <summary>An end-to-end measurement run beside its peer; it returns figures, it asserts nothing.</summary>
public interface IEndToEndBenchmark
{
    string Name { get; }

    /// <summary>How long the runner lets it go before cancelling it.</summary>
    TimeSpan Timeout => TimeSpan.FromMinutes(10);

    Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken);
}
