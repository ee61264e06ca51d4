using DataCenterOps.Monitoring.Devices;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DataCenterOps.Monitoring.Cluster;

/// <summary>
/// Monitoring's way into the PostgreSQL database that the nodes of a many-node installation share
/// (<see cref="MonitoringOptions.PostgreSqlConnectionString"/>). On the SQLite default there is none:
/// <see cref="IsConfigured"/> is false and monitoring stays in <c>monitoring.db</c> on one node.
/// </summary>
public sealed class SharedDatabase(IOptions<MonitoringOptions> options) : IAsyncDisposable
{
    private readonly Lazy<NpgsqlDataSource> dataSource = new(() => NpgsqlDataSource.Create(
        options.Value.PostgreSqlConnectionString
        ?? throw new InvalidOperationException("Monitoring has no shared PostgreSQL database (Storage:Provider is not PostgreSql).")));

    public bool IsConfigured => options.Value.PostgreSqlConnectionString is not null;

    /// <summary>The pooled data source; only when <see cref="IsConfigured"/>.</summary>
    public NpgsqlDataSource DataSource => dataSource.Value;

    public async ValueTask DisposeAsync()
    {
        if (dataSource.IsValueCreated)
        {
            await dataSource.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
