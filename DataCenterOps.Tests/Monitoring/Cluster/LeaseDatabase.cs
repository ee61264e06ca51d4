using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DataCenterOps.Tests.Monitoring.Cluster;

/// <summary>A fresh database on the tests' PostgreSQL 15, and lease keepers (nodes) on it, driven round by round.</summary>
internal sealed class LeaseDatabase : IAsyncDisposable
{
    private readonly List<SharedDatabase> _shared = [];
    private readonly List<LeaseKeeper> _keepers = [];

    private LeaseDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<LeaseDatabase> CreateAsync()
    {
        var name = "dcops_leases_" + Guid.NewGuid().ToString("N");
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new LeaseDatabase(name, await PostgresServer.ConnectionStringAsync(name));
    }

    public static IReadOnlyList<DeviceOptions> Devices(int count, string? group = null, string prefix = "ups-") =>
        [.. Enumerable.Range(1, count).Select(i => new DeviceOptions
        {
            Id = $"{prefix}{i:D2}", Name = $"UPS {i}", Kind = DeviceKind.Ups, Protocol = DeviceProtocol.Snmp,
            Host = "127.0.0.1", Port = 161, Community = "public", Profile = "ups-rfc1628", PollerGroup = group,
        })];

    /// <summary>A poller node's lease keeper (not started: the test runs its rounds with <see cref="LeaseKeeper.CycleAsync"/>).</summary>
    public LeaseKeeper Node(string name, IReadOnlyList<DeviceOptions> devices, string? group = null, int leaseSeconds = 10)
    {
        var options = Options.Create(new MonitoringOptions
        {
            Devices = [.. devices], PostgreSqlConnectionString = ConnectionString, LeaseSeconds = leaseSeconds, PollerGroup = group,
        });
        var shared = new SharedDatabase(options);
        _shared.Add(shared);
        var catalog = new DeviceCatalog(options, ProfileCatalog.Load(), [], NullLogger<DeviceCatalog>.Instance);
        var keeper = new LeaseKeeper(shared, catalog, options, Options.Create(new NodeOptions { Name = name }), TimeProvider.System, NullLogger<LeaseKeeper>.Instance);
        _keepers.Add(keeper);
        return keeper;
    }

    /// <summary>Runs rounds of every given node in turn, <paramref name="rounds"/> times.</summary>
    public static async Task RoundsAsync(int rounds, params LeaseKeeper[] nodes)
    {
        for (var i = 0; i < rounds; i++)
        {
            foreach (var node in nodes)
            {
                await node.CycleAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>What a node that stopped (killed, or paused) leaves behind once its time is up: its heartbeat and leases expired.</summary>
    public Task ExpireAsync(string node) => ExecuteAsync(
        $"UPDATE monitoring.poller_nodes SET expires_at = now() - interval '1 second' WHERE node_name = '{node}';" +
        $"UPDATE monitoring.device_leases SET expires_at = now() - interval '1 second' WHERE owner_node = '{node}'");

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> ExecuteAsync(string sql, Action<NpgsqlCommand>? parameters = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        parameters?.Invoke(command);
        return await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var keeper in _keepers)
        {
            keeper.Dispose();
        }

        foreach (var shared in _shared)
        {
            await shared.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
