using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Routine;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>
/// A real host for the routine, independent of Program.cs: Domain + Identity stores + AddRoutine on a temp data folder,
/// Kestrel on an ephemeral loopback port, a <see cref="FakeTimeProvider"/> for the app's clock. No HTTP surface: the
/// routine's pages and exports are tested over the real app (WebAppFactory).
/// </summary>
public sealed class RoutineHost : IAsyncDisposable
{
    /// <summary>10:00 on a Wednesday in Asia/Makassar (the SOP's zone).</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private RoutineHost(WebApplication app, FakeTimeProvider time, string dataDirectory)
    {
        App = app;
        Time = time;
        DataDirectory = dataDirectory;
    }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => App.Services;

    public Uri BaseAddress => new(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public JobStorage JobStorage => Services.GetRequiredService<JobStorage>();

    public static async Task<RoutineHost> StartAsync(
        string dataDirectory, bool hangfire = false, int smtpPort = 0, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = dataDirectory, EnvironmentName = "Production" });
        var config = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Bootstrap:AdminEmail"] = "admin@routine.test",
            ["Bootstrap:AdminPassword"] = "Routine-Admin-1",
            ["Hangfire:Enabled"] = hangfire ? "true" : "false",
            ["Hangfire:QueuePollInterval"] = "00:00:00.200",
            ["Hangfire:SchedulePollingInterval"] = "00:00:00.500",
            ["Hangfire:WorkerCount"] = "2",
            // Only the tests fire jobs: the time-based ones never come due on their own.
            ["Routine:SlaCron"] = Cron.Never(),
            ["Routine:SweepCron"] = Cron.Never(),
            ["Routine:RetentionCron"] = Cron.Never(),
            ["Backup:Cron"] = Cron.Never(),
            ["Smtp:Host"] = smtpPort > 0 ? "127.0.0.1" : null,
            ["Smtp:Port"] = smtpPort > 0 ? smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture) : "25",
            ["Smtp:From"] = "routine@dcops.test",
            ["Smtp:Timeout"] = "00:00:15",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("ROUTINE_TEST_LOG") is not null)
        {
            builder.Logging.AddConsole();
        }
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var time = new FakeTimeProvider(Epoch);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddDomain();
        builder.Services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<DataCenterOpsDbContext>();
        builder.AddRoutine();
        var app = builder.Build();
        await app.Services.InitializeDatabaseAsync();
        await app.StartAsync();
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

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
