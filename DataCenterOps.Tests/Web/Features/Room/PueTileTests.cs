using Bunit;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Energy;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Web.Features.Room;
using DataCenterOps.Web.Features.Room.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataCenterOps.Tests.Web.Features.Room;

/// <summary>The dashboard's PUE tile over counters stored in a real monitoring.db: figure, category, the 30 days.</summary>
public sealed class PueTileTests : RoomTestContext
{
    private static readonly DeviceOptions Meter = new() { Id = "meter-utility", Name = "Meter", Kind = DeviceKind.PowerMeter, Profile = "meter-eastron-sdm630" };
    private static readonly DeviceOptions PduA = new() { Id = "pdu-a01", Name = "PDU A01", Kind = DeviceKind.Pdu, Profile = "pdu-apc-rpdu2" };
    private static readonly DeviceOptions PduB = new() { Id = "pdu-a02", Name = "PDU A02", Kind = DeviceKind.Pdu, Profile = "pdu-apc-rpdu2" };

    public PueTileTests()
        : base(Meter, PduA, PduB)
    {
    }

    [Fact]
    public async Task Tile_ShowsTodaysAndTheMonthsPue_WithCategory2_AndABarForEveryMeteredDay()
    {
        // Ten days of counters every 10 minutes: the feed 1.5 kWh, each PDU 0.5 kWh → PUE 1.5 throughout.
        var now = Time.GetUtcNow();
        await StoreAsync(now - TimeSpan.FromDays(10), now, (Meter.Id, EnergyPoints.MeterImport, 1.5), (PduA.Id, EnergyPoints.Pdu, 0.5), (PduB.Id, EnergyPoints.Pdu, 0.5));

        var cut = Render<PueTile>();

        cut.WaitForAssertion(() => Assert.Equal("1.500", cut.Find("[data-pue='today']").GetAttribute("data-value")));
        Assert.Equal("1.500", cut.Find("[data-pue='month']").GetAttribute("data-value"));
        Assert.Contains("1,50", cut.Find("[data-pue='today']").TextContent, StringComparison.Ordinal);
        Assert.Contains("PUE2", cut.Find("[data-pue='today']").TextContent, StringComparison.Ordinal);
        Assert.Equal("PduOutput", cut.Find(".room-pue").GetAttribute("data-pue-category"));
        Assert.Contains("Kategori 2", cut.Find("[data-testid='pue-category']").TextContent, StringComparison.Ordinal);
        var bars = cut.FindAll(".room-pue-bars rect");
        Assert.Equal(30, bars.Count);
        Assert.Equal(9, bars.Count(b => !b.ClassList.Contains("none")));
    }

    [Fact]
    public void Tile_SaysThereIsNoFigure_WhenTheMetersHaveNoHistory()
    {
        var cut = Render<PueTile>();

        Assert.Equal("", cut.Find("[data-pue='today']").GetAttribute("data-value"));
        Assert.NotNull(cut.Find("[data-note='pue-none']"));
        Assert.All(cut.FindAll(".room-pue-bars rect"), b => Assert.Contains("none", b.ClassList));
    }

    [Fact]
    public async Task ManyScreensOpeningTogether_ComputeThePueOnce_AndAgainOnlyWhenItIsAMinuteOld_WithoutWaitingForIt()
    {
        var now = Time.GetUtcNow();
        await StoreAsync(now - TimeSpan.FromDays(2), now, (Meter.Id, EnergyPoints.MeterImport, 1.5), (PduA.Id, EnergyPoints.Pdu, 0.5), (PduB.Id, EnergyPoints.Pdu, 0.5));
        var shared = Services.GetRequiredService<RoomPue>();

        var tiles = Enumerable.Range(0, 5).Select(_ => Render<PueTile>()).ToList();

        foreach (var tile in tiles)
        {
            tile.WaitForAssertion(() => Assert.Equal("1.500", tile.Find("[data-pue='today']").GetAttribute("data-value")));
        }

        Assert.Equal(1, shared.Computations);
        Time.Advance(RoomPue.FreshFor);
        var later = Render<PueTile>();

        // The screen that opens after a minute shows the last figures at its first render and does not wait for
        // history: the one recomputation runs in the background.
        Assert.Equal("1.500", later.Find("[data-pue='today']").GetAttribute("data-value"));
        await shared.WhenRefreshedAsync();
        Assert.Equal(2, shared.Computations);
    }

    private async Task StoreAsync(DateTimeOffset from, DateTimeOffset to, params (string Device, string Point, double KwhPerStep)[] counters)
    {
        var writer = new HistoryWriter(Database, MonitoringOptions, TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        var readings = new List<Reading>();
        foreach (var (device, point, step) in counters)
        {
            var value = 1000.0;
            for (var at = from; at <= to; at += TimeSpan.FromMinutes(10))
            {
                readings.Add(new Reading(device, point, at, value, "kWh"));
                value += step;
            }
        }

        writer.WriteBatch(readings);
        var maintenance = new HistoryMaintenance(Database, writer, MonitoringOptions, TimeProvider.System, NullLogger<HistoryMaintenance>.Instance);
        await maintenance.RollupAsync(to + TimeSpan.FromMinutes(2), CancellationToken.None);
        writer.Dispose();
    }
}
