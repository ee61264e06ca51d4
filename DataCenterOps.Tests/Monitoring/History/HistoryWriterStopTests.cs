namespace DataCenterOps.Tests.Monitoring.History;

/// <summary>What is buffered when the app stops goes in, even when the stop comes before the writer's loop ever ran.</summary>
public sealed class HistoryWriterStopTests
{
    [Fact]
    public async Task ReadingsBufferedBeforeTheLoopRan_AreStoredAtStop()
    {
        await using var harness = new HistoryHarness(batchSize: 100);
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 1_000; i++)
        {
            await harness.Writer.WriteAsync(new("ups-1", "load", start.AddSeconds(i), i), CancellationToken.None);
        }

        // A host stopping right after its start can cancel the loop before the thread pool started it; never started is the extreme.
        await harness.Writer.StopAsync(CancellationToken.None);

        Assert.Equal(1_000, harness.Writer.Stored);
        Assert.Equal(0, harness.Writer.Pending);
    }
}
