using Microsoft.Data.Sqlite;
using DataCenterOps.Monitoring.History;

namespace DataCenterOps.Tests.Monitoring.History;

public sealed class LockedDatabaseTests
{
    [Fact]
    public async Task NoReadingIsLostOrDuplicated_WhileAnotherConnectionHoldsTheDatabaseLocked()
    {
        const int commandTimeoutSeconds = 1;
        const int sent = 20_000;
        await using var harness = new HistoryHarness(commandTimeoutSeconds, batchSize: 500, bufferCapacity: 5_000);
        await harness.Writer.StartAsync(CancellationToken.None);
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        // The blocker itself waits patiently for the writer's current transaction to end before it takes the lock.
        await using var blocker = new SqliteConnection(new SqliteConnectionStringBuilder(harness.Database.ConnectionString) { DefaultTimeout = 60 }.ToString());
        await blocker.OpenAsync();
        var writes = Task.Run(async () =>
        {
            for (var seq = 0; seq < sent; seq++)
            {
                await harness.Writer.WriteAsync(new Reading("ups-1", "battery.charge", start.AddMilliseconds(seq), seq, "%"), CancellationToken.None);
                if (seq == 2_000)
                {
                    await Exec(blocker, "BEGIN EXCLUSIVE");
                }
            }
        });

        // Held well beyond the command timeout, so the writer's own attempts time out and must be retried.
        await WaitUntil(() => harness.Writer.Retries >= 2, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(commandTimeoutSeconds * 2));
        Assert.True(harness.Writer.Pending > 0);
        await Exec(blocker, "COMMIT");

        await writes.WaitAsync(TimeSpan.FromSeconds(120));
        await WaitUntil(() => harness.Writer.Stored == sent, TimeSpan.FromSeconds(120));

        await using var check = new SqliteConnection(harness.Database.ConnectionString);
        await check.OpenAsync();
        Assert.Equal(sent, await Scalar(check, "SELECT count(*) FROM samples"));
        Assert.Equal(sent, await Scalar(check, "SELECT count(DISTINCT value) FROM samples"));
        Assert.Equal(0, await Scalar(check, "SELECT min(value) FROM samples"));
        Assert.Equal(sent - 1, await Scalar(check, "SELECT max(value) FROM samples"));
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task Exec(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
