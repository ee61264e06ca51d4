using DataCenterOps.Domain.Persistence;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>
/// The real app (<see cref="WebAppFactory"/> over the real Program) on the test's data folder, with a
/// <see cref="FakeTimeProvider"/> as the app's one clock. Configuration is the only other difference: Hangfire's
/// server on or off, a local SMTP sink, time-based jobs that never come due on their own (only the tests fire
/// them), no demo data. The routine's pages and exports are tested over HTTP with the same factory.
/// </summary>
public sealed class RoutineHost : IAsyncDisposable
{
    /// <summary>10:00 on a Wednesday in Asia/Makassar (the SOP's zone).</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private RoutineHost(WebAppFactory app, FakeTimeProvider time, string dataDirectory)
    {
        App = app;
        Time = time;
        DataDirectory = dataDirectory;
    }

    public WebAppFactory App { get; }

    public FakeTimeProvider Time { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => App.Services;

    public JobStorage JobStorage => Services.GetRequiredService<JobStorage>();

    public static async Task<RoutineHost> StartAsync(
        string dataDirectory, bool hangfire = false, int smtpPort = 0, IDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(Epoch);
        var app = WebAppFactory.On(dataDirectory);
        app.Clock = time;
        app.EnvironmentName = "Production";
        app.LogSink = Environment.GetEnvironmentVariable("ROUTINE_TEST_LOG") is null ? NullLoggerProvider.Instance : null;
        var config = new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = "admin@routine.test",
            ["Bootstrap:AdminPassword"] = "Routine-Admin-1",
            ["Bootstrap:SeedDemoData"] = "false",
            ["Hangfire:Enabled"] = hangfire ? "true" : "false",
            ["Hangfire:QueuePollInterval"] = "00:00:00.200",
            ["Hangfire:SchedulePollingInterval"] = "00:00:00.500",
            ["Hangfire:WorkerCount"] = "2",
            // Only the tests fire jobs: the time-based ones never come due on their own.
            ["Routine:SlaCron"] = Cron.Never(),
            ["Routine:SweepCron"] = Cron.Never(),
            ["Routine:RetentionCron"] = Cron.Never(),
            ["Routine:EvidenceDigestCron"] = Cron.Never(),
            ["Backup:Cron"] = Cron.Never(),
            ["Smtp:Host"] = smtpPort > 0 ? "127.0.0.1" : "",
            ["Smtp:Port"] = smtpPort > 0 ? smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture) : "25",
            ["Smtp:From"] = "routine@dcops.test",
            ["Smtp:Timeout"] = "00:00:15",
        };
        // The room is not what these tests are about: on the fake clock its timers fire only when a test moves time,
        // and then rarely (each minute, polls each ten), so a jump of days stays cheap.
        config["Simulator:TickInterval"] = "00:01:00";
        foreach (var (index, _) in WebAppFactory.ConfiguredDeviceProtocols())
        {
            config[$"Monitoring:Devices:{index}:IntervalSeconds"] = "600";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        foreach (var (key, value) in config)
        {
            app.ExtraSettings[key] = value;
        }

        try
        {
            await Task.Run(app.StartServer);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new RoutineHost(app, time, dataDirectory);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    public async Task<T> DbAsync<T>(Func<DataCenterOpsDbContext, Task<T>> query) =>
        await InScopeAsync(sp => query(sp.GetRequiredService<DataCenterOpsDbContext>()));

    /// <summary>
    /// Polls Hangfire until the job is in <paramref name="state"/>; fails at once if it failed, and on a timeout says
    /// where it stood and why (a retry's exception is in the history, before its Scheduled state).
    /// </summary>
    public async Task WaitForJobStateAsync(string jobId, string state, TimeSpan timeout)
    {
        string? current = null;
        try
        {
            await WaitUntilAsync(() =>
            {
                using var connection = JobStorage.GetConnection();
                current = connection.GetJobData(jobId)?.State;
                Assert.NotEqual(FailedState.StateName, current);
                return Task.FromResult(current == state);
            }, timeout, $"job {jobId} to reach {state}");
        }
        catch (Xunit.Sdk.XunitException) when (current != state)
        {
            var history = JobStorage.GetMonitoringApi().JobDetails(jobId)?.History
                .Select(h => $"{h.StateName} ({h.Reason}) {string.Join(", ", h.Data.Select(d => $"{d.Key}={d.Value}"))}");
            Assert.Fail($"Job {jobId} is {current ?? "missing"}, not {state}. History: {string.Join(" | ", history ?? [])}");
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for: {what}");
            await Task.Delay(100);
        }
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
