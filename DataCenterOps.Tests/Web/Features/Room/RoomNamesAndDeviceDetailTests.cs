using Bunit;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.History;
using Microsoft.Extensions.Logging.Abstractions;
using DataCenterOps.Web.Features.Room;
using DataCenterOps.Web.Features.Room.Components;
using DataCenterOps.Web.Features.Room.Pages;

namespace DataCenterOps.Tests.Web.Features.Room;

public sealed class RoomNamesAndDeviceDetailTests : RoomTestContext
{
    [Fact]
    public void Tile_AndAlarmList_UseTheEquipmentRegistrysName()
    {
        EquipmentNames.Names["ups-1"] = "UPS 1";
        Time.Advance(RoomNames.CacheFor);
        Poll("ups-1", State("output.source", 3, "normal"));
        Raise("ups-1", AlarmKeys.UpsAlarmsPresent, AlarmSeverity.Warning, "UPS reports alarms present");

        var overview = Render<RoomOverview>();
        var alarms = Render<ActiveAlarmList>();

        overview.WaitForAssertion(() => Assert.Equal("UPS 1", overview.Find("[data-device='ups-1'] .room-device-name").TextContent.Trim()));
        alarms.WaitForAssertion(() => Assert.Equal("UPS 1", alarms.Find("tr[data-device='ups-1'] a").TextContent.Trim()));
        Assert.DoesNotContain("UPS A", overview.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void DevicePage_NamesPointsInTheReadersLanguage_AndShowsTheLimitsThatApply_DefaultsIncluded()
    {
        Auth.SetAuthorized("sari");
        Poll("env-1", Reading("temperature", 23.4, "°C"), Reading("humidity", 48, "%"), State("leak", 0, "dry"), State("door", 0, "closed"));
        Poll("ups-1", State("output.source", 3, "normal"), Reading("battery.minutes_remaining", 42, "min"), Reading("output.voltage", 230, "V"));

        var env = Render<RoomDevicePage>(p => p.Add(x => x.Id, "env-1"));

        var temperature = env.Find("tr[data-point='temperature']");
        Assert.Equal("Suhu", temperature.QuerySelector(".room-point-name")!.TextContent.Trim());
        var limits = temperature.QuerySelector(".room-point-limits")!.TextContent;
        Assert.Contains("kritis di bawah 15 °C", limits, StringComparison.Ordinal);
        Assert.Contains("peringatan di atas 27 °C", limits, StringComparison.Ordinal);
        Assert.Contains("kritis di atas 32 °C", limits, StringComparison.Ordinal);
        Assert.Contains("kritis bila aktif", env.Find("tr[data-point='leak'] .room-point-limits").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(env.FindAll(".room-point-limits"), c => c.TextContent.Trim() == "—");

        var ups = Render<RoomDevicePage>(p => p.Add(x => x.Id, "ups-1"));
        Assert.Contains("baterai", ups.Find("tr[data-point='output.source'] .room-point-limits").TextContent, StringComparison.Ordinal);
        var runtime = ups.Find("tr[data-point='battery.minutes_remaining']");
        Assert.Equal("Sisa waktu baterai", runtime.QuerySelector(".room-point-name")!.TextContent.Trim());
        Assert.Contains("42,00 mnt", runtime.TextContent, StringComparison.Ordinal);
        Assert.Contains("tanpa batas alarm", ups.Find("tr[data-point='output.voltage'] .room-point-limits").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void DevicePage_CountsTheReadingsTheChartStandsFor_NotThePointsItDraws()
    {
        // An hour of one reading a second: more rows than the chart has columns, so it is drawn as buckets.
        var now = Time.GetUtcNow();
        using (var writer = new HistoryWriter(Database, MonitoringOptions, Time, NullLogger<HistoryWriter>.Instance))
        {
            writer.WriteBatch([.. Enumerable.Range(1, 3_599).Select(s => new DataCenterOps.Monitoring.History.Reading("env-1", "temperature", now.AddSeconds(-s), 22 + (s % 7 * 0.1), "°C"))]);
        }

        Auth.SetAuthorized("sari");
        Poll("env-1", Reading("temperature", 23.4, "°C"), Reading("humidity", 48, "%"));

        var page = Render<RoomDevicePage>(p => p.Add(x => x.Id, "env-1"));

        page.WaitForAssertion(() => Assert.EndsWith("3.599 pembacaan", page.Find(".room-samples").TextContent.Trim(), StringComparison.Ordinal));
    }
}
