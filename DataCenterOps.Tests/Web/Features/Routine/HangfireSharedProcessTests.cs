using DataCenterOps.Tests.TestSupport;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>Hangfire's log provider is process-wide: a host stopped before another must not break the other's jobs.</summary>
public sealed class HangfireSharedProcessTests
{
    [Fact]
    public async Task HostStoppedFirst_LeavesTheOtherHostsJobClientWorking()
    {
        using var firstDir = new TempDirectory();
        using var secondDir = new TempDirectory();
        await using var first = await RoutineHost.StartAsync(firstDir.Path, hangfire: true, smtpPort: FreePorts.Tcp());
        var second = await RoutineHost.StartAsync(secondDir.Path, hangfire: true, smtpPort: FreePorts.Tcp());
        // The second host's configuration ran last, so Hangfire's static log provider is its logger factory, now disposed.
        second.Services.GetRequiredService<IBackgroundJobClient>();
        await second.DisposeAsync();

        var client = first.Services.GetRequiredService<IBackgroundJobClient>();

        Assert.False(string.IsNullOrEmpty(client.Enqueue(() => Console.WriteLine("still logging"))));
    }
}
