using Bunit;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Web.Features.Room.Components;
using DataCenterOps.Web.Features.Room;

namespace DataCenterOps.Tests.Web.Features.Room;

public sealed class RoomOverviewTests : RoomTestContext
{
    [Fact]
    public void Tile_IsNormal_WhenDeviceAnswersWithoutAlarms()
    {
        Poll("crac-1", Reading("supply.temperature", 18.2, "°C"), Reading("return.temperature", 27.5, "°C"));

        var cut = Render<RoomOverview>();

        var tile = cut.Find("[data-device='crac-1']");
        Assert.Contains("room-state-normal", tile.ClassList);
        Assert.Equal("Normal", tile.QuerySelector(".room-badge")!.GetAttribute("data-state"));
        Assert.Contains("18,2 °C", tile.TextContent, StringComparison.Ordinal);
        Assert.Null(tile.QuerySelector(".room-value.stale"));
    }

    [Fact]
    public void Tile_IsWarning_WhenDeviceHasOnlyWarningAlarms()
    {
        Poll("crac-1", Reading("supply.temperature", 18.2, "°C"));
        Raise("crac-1", "cooling.alarm.filter", AlarmSeverity.Warning, "Cooling unit alarm: filter");

        var cut = Render<RoomOverview>();

        Assert.Contains("room-state-warning", cut.Find("[data-device='crac-1']").ClassList);
        Assert.Contains("room-state-warning", cut.Find("[data-group='Group.Cooling']").ClassList);
    }

    [Fact]
    public void Tile_IsCritical_WhenCriticalAndWarningAlarmsAreBothActive()
    {
        Poll("ups-1", State("output.source", 5, "battery"), Reading("output.load", 41, "%"));
        Poll("crac-1", Reading("supply.temperature", 18.2, "°C"));
        Raise("ups-1", AlarmKeys.UpsAlarmsPresent, AlarmSeverity.Warning, "UPS reports alarms present");
        Raise("ups-1", AlarmKeys.UpsOnBattery, AlarmSeverity.Critical, "UPS on battery");

        var cut = Render<RoomOverview>();

        Assert.Contains("room-state-critical", cut.Find("[data-device='ups-1']").ClassList);
        Assert.Contains("room-state-critical", cut.Find("[data-group='Group.Power']").ClassList);
        Assert.Contains("room-state-normal", cut.Find("[data-device='crac-1']").ClassList);
        Assert.Equal("Battery", cut.Find("[data-source]").GetAttribute("data-source"));
        Assert.Contains("BATERAI", cut.Find("[data-device='ups-1'] [data-point='output.source']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Tile_ShowsCommunicationLost_AndMarksValuesStale_WhenDeviceStopsAnswering()
    {
        Poll("env-1", Reading("temperature", 23.4, "°C"), Reading("humidity", 48, "%"));
        Time.Advance(TimeSpan.FromSeconds(20));
        Miss("env-1", 3);

        var cut = Render<RoomOverview>();

        var tile = cut.Find("[data-device='env-1']");
        Assert.Contains("room-state-commlost", tile.ClassList);
        Assert.Contains("Komunikasi terputus", tile.QuerySelector(".room-commlost-note")!.TextContent, StringComparison.Ordinal);
        var values = tile.QuerySelectorAll(".room-value");
        Assert.Equal(2, values.Length);
        Assert.All(values, v =>
        {
            Assert.Contains("stale", v.ClassList);
            Assert.NotNull(v.QuerySelector(".room-stale-tag"));
        });

        // The last known value stays readable, marked, with its age.
        Assert.Contains("23,4 °C", tile.TextContent, StringComparison.Ordinal);
        Assert.Contains("20 dtk", tile.QuerySelector(".room-age")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Tile_ShowsMaintenance_WhenSomeoneWorksOnTheDevice()
    {
        Poll("crac-1", Reading("supply.temperature", 18.2, "°C"));
        Raise("crac-1", "cooling.alarm.general", AlarmSeverity.Warning, "Cooling unit alarm: general");
        Maintenance.Devices.Add("crac-1");

        var cut = Render<RoomOverview>();

        Assert.Contains("room-state-maintenance", cut.Find("[data-device='crac-1']").ClassList);
    }

    [Fact]
    public void Overview_Rerenders_WhenTheStateStoreChanges()
    {
        Poll("env-1", Reading("temperature", 23.4, "°C"));
        var cut = Render<RoomOverview>();
        Assert.Contains("23,4 °C", cut.Find("[data-device='env-1'] [data-point='temperature']").TextContent, StringComparison.Ordinal);

        Time.Advance(TimeSpan.FromSeconds(5));
        Poll("env-1", Reading("temperature", 24.9, "°C"));
        Time.Advance(LiveRoomViewFactory.DefaultInterval);

        cut.WaitForAssertion(() =>
            Assert.Contains("24,9 °C", cut.Find("[data-device='env-1'] [data-point='temperature']").TextContent, StringComparison.Ordinal));

        Raise("env-1", AlarmKeys.WaterLeak, AlarmSeverity.Critical, "Water leak detected");
        Time.Advance(LiveRoomViewFactory.DefaultInterval);
        cut.WaitForAssertion(() => Assert.Contains("room-state-critical", cut.Find("[data-device='env-1']").ClassList));
    }

    [Fact]
    public void Overview_CoalescesABurstOfChanges_IntoAtMostOneRenderPerInterval()
    {
        Poll("env-1", Reading("temperature", 20, "°C"));
        var cut = Render<RoomOverview>();

        // bUnit counts the renders of the whole subtree: measure what one overview render costs first.
        var start = cut.RenderCount;
        Time.Advance(TimeSpan.FromSeconds(1));
        Poll("env-1", Reading("temperature", 20.5, "°C"));
        cut.WaitForAssertion(() => Assert.Contains("20,5 °C", cut.Find("[data-device='env-1'] [data-point='temperature']").TextContent, StringComparison.Ordinal));
        var perRender = cut.RenderCount - start;
        Assert.True(perRender > 0);

        // 200 changes spread over one second of (fake) time: 10 steps of 100 ms, 20 polls each.
        var before = cut.RenderCount;
        var value = 20.0;
        for (var step = 0; step < 10; step++)
        {
            for (var i = 0; i < 20; i++)
            {
                value += 0.1;
                Poll("env-1", Reading("temperature", Math.Round(value, 1), "°C"));
            }

            Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Time.Advance(LiveRoomViewFactory.DefaultInterval);
        cut.WaitForAssertion(() =>
            Assert.Contains("40,0 °C", cut.Find("[data-device='env-1'] [data-point='temperature']").TextContent, StringComparison.Ordinal));

        // 1.25 s at one render per 250 ms is at most 5 overview renders (plus the first, immediate one), never 200.
        var overviewRenders = (double)(cut.RenderCount - before) / perRender;
        Assert.InRange(overviewRenders, 1, 6);
    }

    [Fact]
    public void View_RendersOnceAtFirst_ThenWaitsOutTheInterval_AndStopsWhenDisposed()
    {
        var renders = 0;
        var view = Services.GetService<LiveRoomViewFactory>()!.Create(() =>
        {
            renders++;
            return Task.CompletedTask;
        });

        Poll("env-1", Reading("temperature", 20, "°C"));
        Assert.Equal(1, renders);
        for (var i = 0; i < 50; i++)
        {
            Poll("env-1", Reading("temperature", 21 + i, "°C"));
        }

        Assert.Equal(1, renders);
        Time.Advance(TimeSpan.FromMilliseconds(249));
        Assert.Equal(1, renders);
        Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, renders);

        view.Dispose();
        Time.Advance(TimeSpan.FromSeconds(1));
        Poll("env-1", Reading("temperature", 99, "°C"));
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, renders);
    }
}
