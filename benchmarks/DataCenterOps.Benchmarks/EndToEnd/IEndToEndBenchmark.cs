namespace DataCenterOps.Benchmarks.EndToEnd;

/// <summary>An end-to-end measurement run beside its peer; it returns figures, it asserts nothing.</summary>
public interface IEndToEndBenchmark
{
    string Name { get; }

    Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken);
}
