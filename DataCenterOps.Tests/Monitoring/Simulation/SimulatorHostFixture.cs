using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Monitoring.Traps;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Tests.Monitoring.Simulation;

/// <summary>
/// The simulator as the application hosts it (AddSimulator, hosted service, real SNMP and Modbus sockets on
/// free loopback ports), on a fake clock so that values hold still between a client read and the comparison.
/// Trap sending stays on, to a sink socket of the fixture's own (never the shared default 127.0.0.1:10162).
/// </summary>
internal sealed class SimulatorHostFixture : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Socket _trapSink;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<(string Community, TrapNotification Trap)> _traps = new();
    private readonly Task _receiving;

    private SimulatorHostFixture(IHost host, SimulatorListeners listeners, Socket trapSink)
    {
        _host = host;
        Listeners = listeners;
        _trapSink = trapSink;
        _receiving = ReceiveTrapsAsync();
    }

    /// <summary>The notifications the simulator sent to the fixture's trap sink (with the sending device's community), in arrival order.</summary>
    public IReadOnlyList<(string Community, TrapNotification Trap)> Traps => [.. _traps];

    public FakeTimeProvider Time => (FakeTimeProvider)_host.Services.GetRequiredService<TimeProvider>();

    public SimulatedRoom Room => _host.Services.GetRequiredService<SimulatedRoom>();

    public SimulatorListeners Listeners { get; }

    /// <param name="settings">Configuration beside the fixture's own (ports 0, its trap sink).</param>
    /// <param name="configure">
    /// Changes the bound options in code, after configuration (thousands of devices as objects, not as configuration list
    /// elements, whose binding grows with the square of the count).
    /// </param>
    public static async Task<SimulatorHostFixture> StartAsync(IDictionary<string, string?>? settings = null, Action<SimulatorOptions>? configure = null)
    {
        var trapSink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        trapSink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:SnmpPort"] = "0",
            ["Simulator:ModbusPort"] = "0",
            ["Simulator:TrapSinks:0"] = "127.0.0.1:" + ((IPEndPoint)trapSink.LocalEndPoint!).Port.ToString(CultureInfo.InvariantCulture),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero)));
        builder.AddSimulator();
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        var host = builder.Build();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(cts.Token);
        var listeners = await host.Services.GetRequiredService<SimulatorHostedService>().Listening.WaitAsync(cts.Token);
        return new SimulatorHostFixture(host, listeners, trapSink);
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
        await _stopping.CancelAsync();
        await _receiving;
        _trapSink.Dispose();
        _stopping.Dispose();
    }

    private async Task ReceiveTrapsAsync()
    {
        var buffer = new byte[65_535];
        var from = new IPEndPoint(IPAddress.Any, 0);
        try
        {
            while (true)
            {
                var received = await _trapSink.ReceiveFromAsync(buffer, SocketFlags.None, from, _stopping.Token);
                var trap = TrapMessageDecoder.Decode(buffer.AsSpan(0, received.ReceivedBytes), out var community);
                _traps.Enqueue((Encoding.UTF8.GetString(community), trap));
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }
}
