using Bunit;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Traps;
using DataCenterOps.Web.Features.Room.Pages;

namespace DataCenterOps.Tests.Web.Features.Room;

public sealed class RoomTrapsPageTests : RoomTestContext
{
    [Fact]
    public void Page_ListsTrapsNewestFirst_InIndonesian_WithDeviceNameOrUnknownSender_AndTheLocalTimeWithZone()
    {
        Auth.SetAuthorized("sari");
        var at = Time.GetUtcNow();
        TrapLog.Add(new TrapLogEntry(at, "127.0.0.1:40001", "ups-1", SnmpVersion.V3, IsInform: false, "upsTrapOnBattery",
            "1.3.6.1.2.1.33.2.1", "1.3.6.1.2.1.33.1.2.3.0 = 12"));
        TrapLog.Add(new TrapLogEntry(at.AddSeconds(5), "10.0.0.9:162", null, SnmpVersion.V2c, IsInform: true, "coldStart",
            "1.3.6.1.6.3.1.1.5.1", ""));

        var cut = Render<RoomTrapsPage>();

        var rows = cut.FindAll("tr").Where(r => r.QuerySelector(".room-trap-name") is not null).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("coldStart", rows[0].QuerySelector(".room-trap-name")!.TextContent.Trim());
        Assert.Contains("pengirim tak dikenal", rows[0].QuerySelector(".room-trap-device")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("inform (dijawab)", rows[0].QuerySelector(".room-trap-kind")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("UPS A", rows[1].QuerySelector(".room-trap-device")!.TextContent.Trim());
        Assert.Equal("v3", rows[1].QuerySelector(".room-trap-version")!.TextContent.Trim());
        Assert.Contains("1.3.6.1.2.1.33.1.2.3.0 = 12", rows[1].QuerySelector(".room-trap-varbinds")!.TextContent, StringComparison.Ordinal);
        // 08:00 UTC is 16.00 in Balikpapan (WITA, UTC+8).
        Assert.Contains("16.00.00 WITA", rows[1].QuerySelector(".room-trap-time")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Trap SNMP", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Room.Traps.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_ShowsANewTrapLive_AndStopsListeningWhenDisposed()
    {
        Auth.SetAuthorized("sari");
        var cut = Render<RoomTrapsPage>();
        Assert.NotEmpty(cut.FindAll(".room-traps-none"));

        TrapLog.Add(new TrapLogEntry(Time.GetUtcNow(), "127.0.0.1:40002", "env-1", SnmpVersion.V2c, IsInform: false, "linkDown",
            "1.3.6.1.6.3.1.1.5.3", ""));

        cut.WaitForAssertion(() => Assert.Equal("linkDown", cut.Find(".room-trap-name").TextContent.Trim()));
        Assert.Equal("Sensor ruang", cut.Find(".room-trap-device").TextContent.Trim());

        cut.Instance.Dispose();
        TrapLog.Add(new TrapLogEntry(Time.GetUtcNow(), "127.0.0.1:40002", "env-1", SnmpVersion.V2c, IsInform: false, "linkUp",
            "1.3.6.1.6.3.1.1.5.4", ""));
        Assert.Single(cut.FindAll(".room-trap-name")); // unsubscribed: the page no longer follows the log
    }
}
