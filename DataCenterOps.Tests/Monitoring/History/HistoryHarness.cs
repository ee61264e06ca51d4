using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Tests.Monitoring.Devices;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Monitoring.History;

/// <summary>The history writer, rollup job and query on a real monitoring.db in a temp folder.</summary>
internal sealed class HistoryHarness : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();

    public HistoryHarness(int commandTimeoutSeconds = 2, int batchSize = 2_000, int bufferCapacity = 100_000)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new MonitoringOptions
        {
            DataDirectory = _temp.Path,
            History = new HistoryOptions { CommandTimeoutSeconds = commandTimeoutSeconds, BatchSize = batchSize, BufferCapacity = bufferCapacity },
        });
        Options = options;
        Database = new MonitoringDatabase(options);
        Writer = new HistoryWriter(Database, options, TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        Maintenance = new HistoryMaintenance(Database, Writer, options, TimeProvider.System, NullLogger<HistoryMaintenance>.Instance);
        Query = new HistoryQuery(Database);
    }

    public IOptions<MonitoringOptions> Options { get; }

    public MonitoringDatabase Database { get; }

    public HistoryWriter Writer { get; }

    public HistoryMaintenance Maintenance { get; }

    public HistoryQuery Query { get; }

    public async ValueTask DisposeAsync()
    {
        await Writer.StopAsync(CancellationToken.None);
        Writer.Dispose();
        _temp.Dispose();
    }
}
