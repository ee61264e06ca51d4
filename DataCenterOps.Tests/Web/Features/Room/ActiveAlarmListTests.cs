using Bunit;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Web.Features.Room.Components;
using DataCenterOps.Web.Features.Room;

namespace DataCenterOps.Tests.Web.Features.Room;

public sealed class ActiveAlarmListTests : RoomTestContext
{
    [Fact]
    public async Task Acknowledge_RecordsTheSignedInUserAndComment()
    {
        Auth.SetAuthorized("budi.operator");
        Raise("ups-1", AlarmKeys.UpsOnBattery, AlarmSeverity.Critical, "UPS on battery");
        var cut = Render<ActiveAlarmList>();

        cut.Find("button.room-ack-start").Click();
        cut.Find(".room-ack-comment input").Change("PLN padam, genset sedang start");
        cut.Find("button.room-ack-save").Click();

        cut.WaitForAssertion(() => Assert.Contains("budi.operator", cut.Find(".room-ack-by").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var alarm = Assert.Single(Alarms.GetActive());
        Assert.Equal("budi.operator", alarm.AcknowledgedBy);
        Assert.Equal("PLN padam, genset sedang start", alarm.AcknowledgeComment);
        Assert.Contains("PLN padam", cut.Find(".room-ack-note").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("button.room-ack-start"));

        var events = await Alarms.GetEventsAsync(alarm.Id, CancellationToken.None);
        var ack = Assert.Single(events, e => e.Kind == AlarmEventKind.Acknowledged);
        Assert.Equal("budi.operator", ack.Actor);
    }

    [Fact]
    public void Acknowledge_IsRefused_WhenNobodyIsSignedIn()
    {
        Raise("crac-1", "cooling.alarm.filter", AlarmSeverity.Warning, "Cooling unit alarm: filter");
        var cut = Render<ActiveAlarmList>();

        cut.Find("button.room-ack-start").Click();
        cut.Find(".room-ack-comment input").Change("filter diganti");
        cut.Find("button.room-ack-save").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".room-ack-error")));
        Assert.False(Assert.Single(Alarms.GetActive()).IsAcknowledged);
    }

    [Fact]
    public void List_ShowsCriticalFirst_AndFollowsRaisesAndClears()
    {
        Auth.SetAuthorized("sari");
        Raise("crac-1", "cooling.alarm.filter", AlarmSeverity.Warning, "Cooling unit alarm: filter");
        var cut = Render<ActiveAlarmList>();
        Assert.Single(cut.FindAll("tr[data-alarm]"));

        Time.Advance(TimeSpan.FromSeconds(1));
        Raise("env-1", AlarmKeys.WaterLeak, AlarmSeverity.Critical, "Water leak detected");
        Time.Advance(LiveRoomViewFactory.DefaultInterval);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr[data-alarm]").Count));
        Assert.Equal(AlarmKeys.WaterLeak, cut.FindAll("tr[data-alarm]")[0].GetAttribute("data-alarm"));

        Clear("crac-1", "cooling.alarm.filter");
        Time.Advance(LiveRoomViewFactory.DefaultInterval);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr[data-alarm]")));
    }
}
