using Bunit;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Web.Features.Room.Components;

namespace DataCenterOps.Tests.Web.Features.Room;

/// <summary>A cooling unit that is off with no alarm: its badge and its words agree, and the tile says why.</summary>
public sealed class CoolingStandbyTests() : RoomTestContext(Crac, Crac2)
{
    public static readonly DeviceOptions Crac2 = new() { Id = "crac-2", Name = "CRAC 2", Kind = DeviceKind.Cooling };

    [Fact]
    public void OffUnit_IsShownAsStandby_NamingTheUnitOnDuty_WhileTheOtherRuns()
    {
        Poll("crac-1", State("unit.on", 1, "on"), Reading("supply.temperature", 14.1, "°C"));
        Poll("crac-2", State("unit.on", 0, "off"), Reading("supply.temperature", 24.0, "°C"));

        var cut = Render<RoomOverview>();

        var standby = cut.Find("[data-device='crac-2']");
        Assert.Equal("Standby", standby.QuerySelector(".room-badge")!.GetAttribute("data-state"));
        Assert.Equal("Siaga", standby.QuerySelector(".room-badge")!.TextContent.Trim());
        Assert.Contains("CRAC 1 sedang bertugas", standby.QuerySelector("[data-note='standby']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Normal", cut.Find("[data-device='crac-1'] .room-badge").GetAttribute("data-state"));
        // The room works as designed: the cooling group stays Normal.
        Assert.Equal("Normal", cut.Find("[data-group='Group.Cooling'] .room-group-head .room-badge").GetAttribute("data-state"));
    }

    [Fact]
    public void OffUnit_IsShownAsOff_WithAReason_WhenNoOtherUnitRuns()
    {
        Poll("crac-1", State("unit.on", 0, "off"));
        Poll("crac-2", State("unit.on", 0, "off"));

        var cut = Render<RoomOverview>();

        var tile = cut.Find("[data-device='crac-1']");
        Assert.Equal("Off", tile.QuerySelector(".room-badge")!.GetAttribute("data-state"));
        Assert.DoesNotContain("Normal", tile.QuerySelector(".room-badge")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("tanpa alarm", tile.QuerySelector("[data-note='off']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void OffUnit_WithAnAlarm_IsShownByItsAlarm_NotAsStandby()
    {
        Poll("crac-1", State("unit.on", 1, "on"));
        Poll("crac-2", State("unit.on", 0, "off"));
        Raise("crac-2", "cooling.alarm.airflow", AlarmSeverity.Warning, "Cooling unit alarm: airflow");

        var cut = Render<RoomOverview>();

        Assert.Equal("Warning", cut.Find("[data-device='crac-2'] .room-badge").GetAttribute("data-state"));
        Assert.Empty(cut.FindAll("[data-device='crac-2'] [data-note]"));
    }
}
