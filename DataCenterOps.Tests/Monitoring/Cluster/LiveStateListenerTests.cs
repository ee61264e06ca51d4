using DataCenterOps.Monitoring;
using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Tests.Monitoring.Devices;
using DataCenterOps.Tests.Monitoring.Polling;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DataCenterOps.Tests.Monitoring.Cluster;

/// <summary>A monitoring node's listener on the shared PostgreSQL database, when its connection breaks.</summary>
public sealed class LiveStateListenerTests
{
    [Fact]
    public async Task ListenerWhoseConnectionWasKilled_Reconnects_AndReloadsWhatItMissed()
    {
        await using var database = await ScratchPostgresDatabase.CreateAsync();
        using var temp = new TempDirectory();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Monitoring:DataDirectory"] = temp.Path,
            ["Monitoring:Traps:Port"] = "0",
            ["Monitoring:PostgreSqlConnectionString"] = database.ConnectionString,
            ["Simulator:Enabled"] = "false",
            ["Node:Name"] = "node-b",
        });
        builder.AddMonitoring();
        using var host = builder.Build();
        await host.StartAsync();
        var live = host.Services.GetRequiredService<LiveStateStore>();
        using (var listening = new CancellationTokenSource(Eventually.Limit))
        {
            while (await ListenerPid(database) is null)
            {
                await Task.Delay(25, listening.Token);
            }
        }

        // Kill the listening connection, then write a row with no NOTIFY: only the reload after reconnecting can bring it.
        await database.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %'");
        var polled = new LiveStateStore(Options.Create(new MonitoringOptions { Devices = [TestDevices.Environment()] }), NullLogger<LiveStateStore>.Instance);
        polled.ApplySuccess("env-1", [TestDevices.Good("temperature", 23.5, "°C")], DateTimeOffset.UtcNow, TimeSpan.Zero);
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO monitoring.live_state VALUES ('env-1', $1::jsonb, 'node-a', now())", connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = LiveStateRecord.From(polled.GetDevice("env-1")!).ToJson() });
            await insert.ExecuteNonQueryAsync();
        }

        await Eventually.TrueAsync(() => live.GetDevice("env-1")?.LiveValue("temperature") == 23.5, "the missed row on node B");
        await host.StopAsync();
    }

    private static async Task<int?> ListenerPid(ScratchPostgresDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND datname = current_database()", connection);
        return await command.ExecuteScalarAsync() as int?;
    }
}
