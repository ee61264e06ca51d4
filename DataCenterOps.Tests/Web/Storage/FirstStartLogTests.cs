namespace DataCenterOps.Tests.Web.Storage;

/// <summary>The first start of a fresh installation (empty data folder, SQLite) logs no warning about its migrations.</summary>
public sealed class FirstStartLogTests
{
    [Fact]
    public async Task FirstStart_OnAnEmptyDataFolder_LogsNoMigrationWarning()
    {
        var log = new LineCapture("Now listening");
        await using var app = new WebAppFactory { LogSink = log };
        app.ExtraSettings["Simulator:Enabled"] = "false";

        _ = app.Services; // starts the host: migrations are applied before it answers

        Assert.Contains(log.Lines, line => line.Contains("Created the first Administrator", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, line => line.StartsWith("Warning Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        await Task.CompletedTask;
    }
}
