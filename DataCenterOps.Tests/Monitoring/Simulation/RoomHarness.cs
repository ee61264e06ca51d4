using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Simulation;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Tests.Monitoring.Simulation;

/// <summary>A simulated room on a fake clock: time moves only when a test says so.</summary>
internal sealed class RoomHarness
{
    public static readonly ProfileCatalog Catalog = ProfileCatalog.Load();

    public RoomHarness(SimulatorOptions? options = null, ProfileCatalog? catalog = null)
    {
        Options = options ?? new SimulatorOptions();
        Room = new SimulatedRoom(Microsoft.Extensions.Options.Options.Create(Options), catalog ?? Catalog, Time);
    }

    // 10:00 local (UTC here), a working morning.
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    public SimulatorOptions Options { get; }

    public SimulatedRoom Room { get; }

    public double this[string device, string point] => Room.GetValue(device, point);

    public string? State(string device, string point) => Room.GetState(device, point);

    /// <summary>Moves the clock on second by second, ticking the room as the hosted service would.</summary>
    public void Run(TimeSpan duration)
    {
        for (var t = TimeSpan.Zero; t < duration; t += TimeSpan.FromSeconds(1))
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            Room.Tick();
        }
    }

    public void Run(double seconds) => Run(TimeSpan.FromSeconds(seconds));

    /// <summary>Jumps the clock and ticks once (the room steps through the gap itself).</summary>
    public void Jump(TimeSpan duration)
    {
        Time.Advance(duration);
        Room.Tick();
    }
}
