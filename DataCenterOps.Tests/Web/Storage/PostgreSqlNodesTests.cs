using System.Net;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.People;
using DataCenterOps.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataCenterOps.Tests.Web.Storage;

/// <summary>The real app with Storage:Provider PostgreSql: nodes sharing one database on the tests' PostgreSQL 15.</summary>
public sealed class PostgreSqlNodesTests
{
    [Fact]
    public async Task CookieIssuedByNodeA_IsAcceptedByNodeB_OnOnePostgreSqlDatabase()
    {
        var database = "dcops_nodes_" + Guid.NewGuid().ToString("N");
        var connection = await PostgresServer.ConnectionStringAsync(database);
        var key = Convert.ToBase64String(EvidenceKey.NewKeyBytes());
        try
        {
            await using var a = Node(connection, key, hangfire: true);
            await using var b = Node(connection, key, hangfire: false);
            var cookies = new CookieContainer();
            using var onA = a.CreateDefaultClient(new CookieContainerHandler(cookies));
            var (email, password) = SignInClient.AccountFor(Roles.Administrator);
            using (var login = await SignInClient.PostLoginAsync(onA, email, password))
            {
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            }

            using var onB = b.CreateDefaultClient(new CookieContainerHandler(cookies));
            using var page = await onB.GetAsync("/board");
            using var anonymous = await b.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/board");

            // Node B never saw the sign-in, yet opens a signed-in page with A's cookie: one key ring, in the database.
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.True(await ScalarAsync(connection, "SELECT count(*) FROM \"DataProtectionKeys\"") >= 1);
            // Node A ran Hangfire on PostgreSQL, in its own schema.
            Assert.True(await ScalarAsync(connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire'") > 0);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    [Fact]
    public async Task NodeStartedWhileTheDatabaseIsDown_WaitsWithALogLine_AndComesUpWhenItIsUp()
    {
        await using var cluster = await PostgresCluster.CreateAsync(start: false);
        var connection = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = "dcops", Timeout = 2 }.ConnectionString;
        var capture = new LineCapture("Database not reachable");
        await using var node = Node(connection, Convert.ToBase64String(EvidenceKey.NewKeyBytes()), hangfire: false);
        node.ExtraSettings["Storage:StartupRetryDelay"] = "00:00:00.500";
        node.ExtraSettings["Logging:LogLevel:DataCenterOps.Domain.Persistence"] = "Information";
        await using var withCapture = node.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(capture)));

        var starting = Task.Run(() => withCapture.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var line = await capture.Seen.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.False(starting.IsCompleted);
        await cluster.StartAsync();
        using var client = await starting.WaitAsync(TimeSpan.FromSeconds(180));
        using var login = await client.GetAsync("/Account/Login");

        Assert.Contains($"PostgreSQL at 127.0.0.1:{cluster.Port}/dcops as postgres", line, StringComparison.Ordinal);
        Assert.Contains("Storage:StartupRetryDelay", line, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(capture.Lines, l => l.Contains("Database reachable", StringComparison.Ordinal));
    }

    private static WebAppFactory Node(string connection, string evidenceKey, bool hangfire)
    {
        var node = new WebAppFactory();
        node.ExtraSettings["Storage:Provider"] = "PostgreSql";
        node.ExtraSettings["ConnectionStrings:DataCenterOps"] = connection;
        node.ExtraSettings["Evidence:Key"] = evidenceKey;
        node.ExtraSettings["Hangfire:Enabled"] = hangfire ? "true" : "false";
        return node;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
