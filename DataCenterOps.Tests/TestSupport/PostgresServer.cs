using Npgsql;

namespace DataCenterOps.Tests.TestSupport;

/// <summary>
/// The PostgreSQL server the provider-parameterised tests use: the one test.sh started (its connection string in
/// <see cref="EnvironmentVariable"/>), or — for a filtered <c>dotnet test</c> without the script — a cluster started
/// here on first use and stopped when the test process ends.
/// </summary>
internal static class PostgresServer
{
    public const string EnvironmentVariable = "DCOPS_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> s_connectionString = new(StartAsync);

    /// <summary>A superuser connection string (database <c>postgres</c>).</summary>
    public static Task<string> ConnectionStringAsync() => s_connectionString.Value;

    /// <summary>The same server, another database.</summary>
    public static async Task<string> ConnectionStringAsync(string database) =>
        new NpgsqlConnectionStringBuilder(await ConnectionStringAsync()) { Database = database }.ConnectionString;

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        var cluster = await PostgresCluster.CreateAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return cluster.ConnectionString;
    }
}
