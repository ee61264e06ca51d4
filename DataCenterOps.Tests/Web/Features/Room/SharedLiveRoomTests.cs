using Bunit;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Web.Features.Room;
using DataCenterOps.Web.Features.Room.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataCenterOps.Tests.Web.Features.Room;

/// <summary>Many open screens cost one room and one set of sparklines, not one each.</summary>
public sealed class SharedLiveRoomTests : RoomTestContext
{
    [Fact]
    public void EveryView_ReadsTheSameSnapshot_UntilSomethingChanges()
    {
        Poll("env-1", Reading("temperature", 20, "°C"));
        var room = Services.GetRequiredService<LiveRoomViewFactory>();
        using var a = room.Create(() => Task.CompletedTask);
        using var b = room.Create(() => Task.CompletedTask);
        using var c = room.CreateFor("env-1", () => Task.CompletedTask);

        Assert.Equal(3, room.OpenViews);
        Assert.Same(a.Room, b.Room);
        Assert.Same(a.Room, c.Room);

        var before = a.Room;
        Time.Advance(TimeSpan.FromSeconds(1));
        Poll("env-1", Reading("temperature", 21, "°C"));

        Assert.NotSame(before, a.Room);
        Assert.Same(a.Room, b.Room);
        Assert.Equal(21, a.Room.Devices.Single(d => d.DeviceId == "env-1").Find("temperature")!.Value);
    }

    [Fact]
    public void AViewOfOneDevice_RendersOnlyWhenThatDeviceChanges_AndDisposedViewsLeave()
    {
        var room = Services.GetRequiredService<LiveRoomViewFactory>();
        var crac = 0;
        var all = 0;
        var cracView = room.CreateFor("crac-1", () =>
        {
            crac++;
            return Task.CompletedTask;
        });
        using var allView = room.Create(() =>
        {
            all++;
            return Task.CompletedTask;
        });

        Poll("env-1", Reading("temperature", 20, "°C"));
        Assert.Equal((0, 1), (crac, all));
        Time.Advance(LiveRoomViewFactory.DefaultInterval);
        Poll("crac-1", Reading("supply.temperature", 18, "°C"));
        Time.Advance(LiveRoomViewFactory.DefaultInterval);
        Assert.Equal((1, 2), (crac, all));

        cracView.Dispose();
        Assert.Equal(1, room.OpenViews);
        Time.Advance(TimeSpan.FromSeconds(1));
        Poll("crac-1", Reading("supply.temperature", 19, "°C"));
        Time.Advance(LiveRoomViewFactory.DefaultInterval);
        Assert.Equal((1, 3), (crac, all));
    }

    [Fact]
    public async Task Sparklines_AreReadOnceForEveryOpenOverview_AndAgainOncePerMinute()
    {
        Poll("env-1", Reading("temperature", 23.4, "°C"));
        var now = Time.GetUtcNow();
        using (var writer = new HistoryWriter(Database, MonitoringOptions, TimeProvider.System, NullLogger<HistoryWriter>.Instance))
        {
            writer.WriteBatch([.. Enumerable.Range(1, 30).Select(i => new Reading("env-1", "temperature", now.AddMinutes(-i), 20 + (i % 7), "°C"))]);
        }

        var sparks = Services.GetRequiredService<RoomSparklines>();
        var first = Render<RoomOverview>();
        await sparks.WhenLoadedAsync();
        first.WaitForAssertion(() => Assert.NotNull(first.Find("[data-device='env-1'] svg.room-spark polyline")));

        // A second screen opens with the lines already there, and asks history nothing.
        var second = Render<RoomOverview>();
        Assert.NotNull(second.Find("[data-device='env-1'] svg.room-spark polyline"));
        Assert.Equal(1, sparks.Loads);

        Time.Advance(RoomSparklines.RefreshEvery);
        await sparks.WhenLoadedAsync();
        Assert.Equal(2, sparks.Loads);
    }
}
