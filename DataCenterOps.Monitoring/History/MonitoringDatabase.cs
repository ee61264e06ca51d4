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
        return connection;
    }

    /// <summary>Synchronous open for the ingest loop (Microsoft.Data.Sqlite's async methods run synchronously anyway).</summary>
    internal SqliteConnection Open()
    {
        EnsureSchema();
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

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
