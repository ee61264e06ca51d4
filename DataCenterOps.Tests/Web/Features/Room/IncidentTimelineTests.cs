using Bunit;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Web.Features.Room.Components;

namespace DataCenterOps.Tests.Web.Features.Room;

public sealed class IncidentTimelineTests : RoomTestContext
{
    [Fact]
    public void Timeline_ShowsEachLineInIndonesian_WithDeviceName_AckByPersonsName_CommentAndFlappingBadge()
    {
        var at = Time.GetUtcNow();
        var alarm = new Alarm(Guid.NewGuid(), "ups-1", AlarmKeys.UpsOnBattery, AlarmSeverity.Critical, "UPS on battery", at,
            "operator@dcops.local", at.AddMinutes(1), "Genset dicek", MessageKey: AlarmKeys.UpsOnBattery) { AcknowledgedByName = "Budi Operator" };
        IReadOnlyList<IncidentTimelineEntry> entries =
        [
            new(at, IncidentTimelineKind.Raised, alarm, AlarmSeverity.Critical, null, null, null),
            new(at.AddMinutes(1), IncidentTimelineKind.Acknowledged, alarm, AlarmSeverity.Critical, "operator@dcops.local", "Budi Operator", "Genset dicek"),
            new(at.AddMinutes(2), IncidentTimelineKind.Flapping, alarm, AlarmSeverity.Critical, null, null, null),
            new(at.AddMinutes(3), IncidentTimelineKind.Comment, null, null, "supervisor@dcops.local", "Sari Pengawas", "PLN sudah normal"),
        ];

        var cut = Render<IncidentTimeline>(p => p.Add(c => c.Entries, entries));

        var rows = cut.FindAll("tr.room-incident-entry");
        Assert.Equal(["Raised", "Acknowledged", "Flapping", "Comment"], rows.Select(r => r.GetAttribute("data-kind")));
        Assert.Contains("Alarm muncul", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("UPS A", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Budi Operator", rows[1].QuerySelector(".room-incident-who")!.TextContent.Trim());
        Assert.Equal("Genset dicek", rows[1].QuerySelector(".room-incident-note")!.TextContent.Trim());
        Assert.NotNull(rows[2].QuerySelector("[data-flag='flapping']"));
        Assert.Equal("Sari Pengawas", rows[3].QuerySelector(".room-incident-who")!.TextContent.Trim());
        Assert.Contains("16.00.00 WITA", rows[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Room.Incident.", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("operator@dcops.local", cut.Markup, StringComparison.Ordinal);
    }
}
