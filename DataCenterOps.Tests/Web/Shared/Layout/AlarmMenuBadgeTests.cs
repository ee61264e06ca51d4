using Bunit;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Tests.Web.Features.Room;
using DataCenterOps.Web.Shared.Layout;

namespace DataCenterOps.Tests.Web.Shared.Layout;

/// <summary>The layout's badge over the room's real alarm service (the room feature fills <see cref="IAlarmBadgeSource"/>).</summary>
public sealed class AlarmMenuBadgeTests : RoomTestContext
{
    [Fact]
    public void Badge_IsAbsent_WhenNoAlarmWaitsForAcknowledgement()
    {
        var cut = Render<AlarmMenuBadge>();
        Assert.Empty(cut.FindAll(".app-alarm-badge"));
    }

    [Fact]
    public async Task Badge_CountsUnacknowledgedAlarms_AndFollowsRaisesAndAcknowledgements()
    {
        Raise("crac-1", "cooling.alarm.filter", AlarmSeverity.Warning, "Cooling unit alarm: filter");
        var cut = Render<AlarmMenuBadge>();
        Assert.Equal("1", cut.Find(".app-alarm-badge").GetAttribute("data-unacked"));
        Assert.Contains("warning", cut.Find(".app-alarm-badge").ClassList);

        Raise("ups-1", AlarmKeys.UpsOnBattery, AlarmSeverity.Critical, "UPS on battery");
        Raise("env-1", AlarmKeys.WaterLeak, AlarmSeverity.Critical, "Water leak detected");
        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find(".app-alarm-badge").TextContent.Trim()));
        Assert.Contains("critical", cut.Find(".app-alarm-badge").ClassList);

        var leak = Alarms.GetActive().Single(a => a.Key == AlarmKeys.WaterLeak);
        await Alarms.AcknowledgeAsync(leak.Id, "sari@dcops.local", "Sari", "Lantai dikeringkan", CancellationToken.None);
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find(".app-alarm-badge").TextContent.Trim()));

        Clear("ups-1", AlarmKeys.UpsOnBattery);
        Clear("crac-1", "cooling.alarm.filter");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".app-alarm-badge")));
    }
}
