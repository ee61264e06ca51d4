using DataCenterOps.Monitoring.Devices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.History;

/// <summary>
/// The periodic job: 1-minute and 1-hour min/avg/max rollups, and retention (raw 7 days, rollups 365 days by default);
/// on PostgreSQL also the daily partitions ahead. On PostgreSQL rollups of complete minutes are recomputed from their
/// source (running twice is harmless); on SQLite the run writes the aggregates the batches left in the store. The store
/// (<see cref="IHistoryStore"/>) does the SQL.
/// </summary>
public sealed partial class HistoryMaintenance(
    IHistoryStore store,
    HistoryWriter writer,
    IOptions<MonitoringOptions> options,
    TimeProvider time,
    ILogger<HistoryMaintenance> logger) : BackgroundService
{
    private DateTimeOffset _lastRetention = DateTimeOffset.MinValue;

    /// <summary>On monitoring.db (tests and tools that open the file themselves): the writer's own store.</summary>
    public HistoryMaintenance(
        MonitoringDatabase database, HistoryWriter writer, IOptions<MonitoringOptions> options, TimeProvider time, ILogger<HistoryMaintenance> logger)
        : this(WriterStore(database, writer), writer, options, time, logger)
    {
    }

    private static IHistoryStore WriterStore(MonitoringDatabase database, HistoryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(writer);
        return writer.Store;
    }

    /// <summary>Rolls up every complete minute up to <paramref name="now"/> not yet rolled up (and any late readings).</summary>
    public async Task RollupAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dirty = writer.TakeDirtySince();
        try
        {
            await store.RollupAsync(now, dirty, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (dirty is { } d && (store.IsTransient(ex) || ex is OperationCanceledException))
        {
            // Not rolled up yet: keep the mark for the next run.
            writer.RestoreDirtySince(d);
            throw;
        }
    }

    /// <summary>Deletes raw samples and rollups older than their retention (on PostgreSQL: drops whole day partitions).</summary>
    public Task EnforceRetentionAsync(DateTimeOffset now, CancellationToken cancellationToken) => store.EnforceRetentionAsync(now, cancellationToken);

    /// <summary>Creates what the coming days' writes need (PostgreSQL: today's and the next days' partitions).</summary>
    public Task PrepareAsync(DateTimeOffset now, CancellationToken cancellationToken) => store.PrepareAsync(now, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var history = options.Value.History;
        await RunOnceAsync(prepare: true, stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(history.RollupIntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await RunOnceAsync(prepare: false, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RunOnceAsync(bool prepare, CancellationToken stoppingToken)
    {
        var history = options.Value.History;
        var now = time.GetUtcNow();
        try
        {
            if (prepare)
            {
                await store.PrepareAsync(now, stoppingToken).ConfigureAwait(false);
                return;
            }

            await RollupAsync(now, stoppingToken).ConfigureAwait(false);
            if (now - _lastRetention >= TimeSpan.FromMinutes(history.RetentionIntervalMinutes))
            {
                await store.PrepareAsync(now, stoppingToken).ConfigureAwait(false);
                await EnforceRetentionAsync(now, stoppingToken).ConfigureAwait(false);
                _lastRetention = now;
            }
        }
        catch (Exception ex) when (store.IsTransient(ex))
        {
            // Locked, busy or unreachable: the next run picks up where this one stopped.
            LogMaintenanceFailed(logger, ex.GetType().Name, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "History maintenance did not finish ({Error}: {Reason}); it runs again next period")]
    private static partial void LogMaintenanceFailed(ILogger logger, string error, string reason);
}
