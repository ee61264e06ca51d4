using DataCenterOps.Tests.TestSupport;
using Npgsql;

namespace DataCenterOps.Tests.Monitoring.Cluster;

/// <summary>A fresh database on the tests' PostgreSQL server, dropped afterwards: the one database some nodes share.</summary>
internal sealed class ScratchPostgresDatabase : IAsyncDisposable
{
    private ScratchPostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<ScratchPostgresDatabase> CreateAsync()
    {
        var name = "dcops_cluster_" + Guid.NewGuid().ToString("N");
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new ScratchPostgresDatabase(name, await PostgresServer.ConnectionStringAsync(name));
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
