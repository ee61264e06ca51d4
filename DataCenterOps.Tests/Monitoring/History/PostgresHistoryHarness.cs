using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DataCenterOps.Tests.Monitoring.History;

/// <summary>The history writer, maintenance and query on the PostgreSQL store, in a database of its own on the tests' PostgreSQL 15.</summary>
internal sealed class PostgresHistoryHarness : IAsyncDisposable
{
    private PostgresHistoryHarness(string database, string connectionString, IHistoryWriteFence? fence, int batchSize)
    {
        DatabaseName = database;
        ConnectionString = connectionString;
        var options = Options.Create(new MonitoringOptions
        {
            PostgreSqlConnectionString = connectionString,
            History = new HistoryOptions { BatchSize = batchSize, FlushIntervalMilliseconds = 20 },
        });
        Shared = new SharedDatabase(options);
        Store = new PostgresHistoryStore(Shared, options, fence ?? new OpenHistoryWriteFence());
        Writer = new HistoryWriter(Store, options, TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        Maintenance = new HistoryMaintenance(Store, Writer, options, TimeProvider.System, NullLogger<HistoryMaintenance>.Instance);
        Query = new HistoryQuery(Store);
    }

    public string DatabaseName { get; }

    public string ConnectionString { get; }

    public SharedDatabase Shared { get; }

    public PostgresHistoryStore Store { get; }

    public HistoryWriter Writer { get; }

    public HistoryMaintenance Maintenance { get; }

    public HistoryQuery Query { get; }

    public static async Task<PostgresHistoryHarness> CreateAsync(IHistoryWriteFence? fence = null, int batchSize = 2_000)
    {
        var database = "dcops_history_" + Guid.NewGuid().ToString("N");
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{database}\"");
        return new PostgresHistoryHarness(database, await PostgresServer.ConnectionStringAsync(database), fence, batchSize);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = Shared.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<string>> PartitionNamesAsync() =>
        (await Store.PartitionsAsync(CancellationToken.None)).Select(p => p.Child).Order(StringComparer.Ordinal).ToList();

    public async ValueTask DisposeAsync()
    {
        await Writer.StopAsync(CancellationToken.None);
        Writer.Dispose();
        await Shared.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
    }
}
