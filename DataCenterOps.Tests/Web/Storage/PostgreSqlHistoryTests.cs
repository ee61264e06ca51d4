using System.Globalization;
using System.Net;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.People;
using DataCenterOps.Tests.TestSupport;
using Npgsql;

namespace DataCenterOps.Tests.Web.Storage;

/// <summary>The real app with Storage:Provider PostgreSql records the simulated room's history in PostgreSQL and shows it back.</summary>
public sealed class PostgreSqlHistoryTests
{
    [Fact]
    public async Task SimulatedRoomHistory_IsStoredInPostgreSql_AndTheDeviceHistoryExportReturnsIt()
    {
        var database = "dcops_history_app_" + Guid.NewGuid().ToString("N");
        var connection = await PostgresServer.ConnectionStringAsync(database);
        try
        {
            await using var app = new WebAppFactory();
            app.ExtraSettings["Storage:Provider"] = "PostgreSql";
            app.ExtraSettings["ConnectionStrings:DataCenterOps"] = connection;
            app.ExtraSettings["Evidence:Key"] = Convert.ToBase64String(EvidenceKey.NewKeyBytes());
            app.ExtraSettings["Hangfire:Enabled"] = "false";
            app.ExtraSettings["Monitoring:History:FlushIntervalMilliseconds"] = "50";
            using var client = await SignInClient.ClientAsync(app, Roles.Administrator);

            // Readings of the simulated room arrive in monitoring.history_samples (waited for, not timed).
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (await ScalarAsync(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'monitoring' AND tablename LIKE 'history_samples_%'") == 0
                   || await ScalarAsync(connection, "SELECT count(*) FROM monitoring.history_samples") == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "No readings reached monitoring.history_samples.");
                await Task.Delay(200);
            }

            var (device, point, stored) = await FirstSeriesAsync(connection);
            var from = DateTimeOffset.UtcNow.AddHours(-1).ToString("O", CultureInfo.InvariantCulture);
            var to = DateTimeOffset.UtcNow.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture);
            using var csv = await client.GetAsync($"/room/devices/{device}/export.csv?point={Uri.EscapeDataString(point)}&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}");
            using var page = await client.GetAsync($"/room/devices/{device}");

            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            // The default culture (id-ID): the one CSV writer's ';' dialect, the resolution in Indonesian.
            var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            Assert.True(rows.Count >= stored, $"{rows.Count} rows exported, {stored} stored before the export");
            Assert.All(rows, r => Assert.Contains($";{point};", r, StringComparison.Ordinal));
            Assert.All(rows, r => Assert.Contains(";Sampel mentah;", r, StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static async Task<(string Device, string Point, long Stored)> FirstSeriesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT s.device_id, s.point, count(*) FROM monitoring.history_samples h JOIN monitoring.history_series s ON s.id = h.series_id GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 1",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
