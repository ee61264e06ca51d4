using DataCenterOps.Monitoring.Devices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.History;

/// <summary>
/// monitoring.db: readings, rollups and alarms, in their own SQLite file (WAL) so that ingest never contends with
/// the application database. Raw ADO.NET: this is the hot path (see docs/adr).
/// </summary>
public sealed class MonitoringDatabase
{
    // WAL pages written before a committing connection checkpoints (SQLite's default is 1,000): a batch over thousands of
    // series dirties about a page per series, so the default checkpointed — copied the pages back and fsync'd — after
    // every batch. Sixteen thousand pages (64 MiB at 4 KiB) let a checkpoint cover several batches, a page rewritten by
    // each of them copied once. Set on every connection, not only the writer's: with the default on the others, the
    // next alarm commit would pay for the checkpoint the writer deferred. Durability is the WAL's, as before.
    private const int WalAutoCheckpointPages = 16_384;

    private readonly Lock _schemaGate = new();
    private readonly ILogger _logger;
    private volatile bool _schemaReady;

    /// <summary>For tests and tools that open the file themselves: a layout change is not logged.</summary>
    public MonitoringDatabase(IOptions<MonitoringOptions> options)
        : this(options, NullLogger<MonitoringDatabase>.Instance)
    {
    }

    public MonitoringDatabase(IOptions<MonitoringOptions> options, ILogger<MonitoringDatabase> logger)
    {
        _logger = logger;
        var history = options.Value.History;
        FilePath = Path.GetFullPath(Path.IsPathRooted(history.DatabaseFile)
            ? history.DatabaseFile
            : Path.Combine(options.Value.DataDirectory ?? "./data", history.DatabaseFile));
        CommandTimeoutSeconds = history.CommandTimeoutSeconds;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Also the busy timeout: a locked database fails after this and the caller retries with backoff.
            DefaultTimeout = history.CommandTimeoutSeconds,
        }.ToString();
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public int CommandTimeoutSeconds { get; }

    /// <summary>Opens a pooled connection, creating the file and schema on first use.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        EnsureSchema();
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        SetCheckpointThreshold(connection);
        return connection;
    }

    /// <summary>Synchronous open for the ingest loop (Microsoft.Data.Sqlite's async methods run synchronously anyway).</summary>
    internal SqliteConnection Open()
    {
        EnsureSchema();
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        SetCheckpointThreshold(connection);
        return connection;
    }

    // The C API, not a PRAGMA statement: a pooled connection is opened for every read, and this costs no SQL.
    private static void SetCheckpointThreshold(SqliteConnection connection) =>
        SQLitePCL.raw.sqlite3_wal_autocheckpoint(connection.Handle, WalAutoCheckpointPages);

    private void EnsureSchema()
    {
        if (_schemaReady)
        {
            return;
        }

        lock (_schemaGate)
        {
            if (_schemaReady)
            {
                return;
            }

            PrivateFile.Ensure(FilePath);
            using var connection = new SqliteConnection(ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = MonitoringSchema.Sql;
            command.ExecuteNonQuery();
            foreach (var (table, column, definition) in MonitoringSchema.AddedColumns)
            {
                command.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
                if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    command.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition}";
                    command.ExecuteNonQuery();
                }
            }

            MonitoringSchemaMigration.Apply(connection, _logger);
            _schemaReady = true;
        }
    }
}
