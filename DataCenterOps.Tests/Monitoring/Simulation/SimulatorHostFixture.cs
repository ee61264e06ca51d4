using DataCenterOps.Monitoring.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Tests.Monitoring.Simulation;

/// <summary>
/// The simulator as the application hosts it (AddSimulator, hosted service, real SNMP and Modbus sockets on
/// free loopback ports), on a fake clock so that values hold still between a client read and the comparison.
/// </summary>
internal sealed class SimulatorHostFixture : IAsyncDisposable
{
    private readonly IHost _host;

    private SimulatorHostFixture(IHost host, SimulatorListeners listeners)
    {
        _host = host;
        Listeners = listeners;
    }

    public FakeTimeProvider Time => (FakeTimeProvider)_host.Services.GetRequiredService<TimeProvider>();

    public SimulatedRoom Room => _host.Services.GetRequiredService<SimulatedRoom>();

    public SimulatorListeners Listeners { get; }

    public static async Task<SimulatorHostFixture> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:SnmpPort"] = "0",
            ["Simulator:ModbusPort"] = "0",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero)));
        builder.AddSimulator();
        var host = builder.Build();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(cts.Token);
        var listeners = await host.Services.GetRequiredService<SimulatorHostedService>().Listening.WaitAsync(cts.Token);
        return new SimulatorHostFixture(host, listeners);
    }

    /// <summary>Moves the fake clock and ticks the room (the hosted loop's timer also fires on the fake clock).</summary>
    public void Advance(TimeSpan duration)
    {
        Time.Advance(duration);
        Room.Tick();
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(cts.Token);
        _host.Dispose();
    }
}
