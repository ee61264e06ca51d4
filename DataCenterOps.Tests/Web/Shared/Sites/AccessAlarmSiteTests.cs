using System.Net;
using System.Net.Http.Json;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Shared.Sites;

/// <summary>
/// An access alarm belongs to the site of the door it is about, over HTTP against the real app with two sites: the
/// regency's door alarm is filed under its pseudo-device <c>access:DC-KUKAR</c> and shows on the regency's screens,
/// API and /metrics series, never on the province's; the province's stays under <c>access</c>, as with one site.
/// </summary>
public sealed class AccessAlarmSiteTests(AccessAlarmSiteApp app) : IClassFixture<AccessAlarmSiteApp>
{
    private const string RegencyRow = $"data-alarm=\"{AccessAlarmSiteApp.RegencyDoorKey}\" data-device=\"{AccessAlarmSiteApp.RegencySource}\"";
    private const string ProvinceRow = $"data-alarm=\"{AccessAlarmSiteApp.ProvinceDoorKey}\" data-device=\"{AccessAlarmKeys.RoomSource}\"";

    [Theory]
    [InlineData("/room/alarms")]
    [InlineData("/room/wall")]
    public async Task DoorAlarmAtTheRegency_ShowsOnTheRegencysAlarmScreens_AndNotOnTheProvinces(string route)
    {
        using var supervisor = await SignInClient.ClientAsync(app.Factory, Roles.Supervisor);

        var regency = await supervisor.GetStringAsync($"{route}?site={TwoSiteApp.RegencyCode}");
        var province = await supervisor.GetStringAsync($"{route}?site=DC-KALTIM");

        Assert.Contains(RegencyRow, regency, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessAlarmSiteApp.ProvinceDoorKey, regency, StringComparison.Ordinal);
        Assert.Contains(ProvinceRow, province, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessAlarmSiteApp.RegencyDoorKey, province, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoorAlarmAtTheRegency_CountsInTheRegencysMenuBadge_AndStateLine()
    {
        var alarms = app.Factory.Services.GetRequiredService<AlarmService>();
        using var supervisor = await SignInClient.ClientAsync(app.Factory, Roles.Supervisor);

        var regency = await supervisor.GetStringAsync($"/room/alarms?site={TwoSiteApp.RegencyCode}");

        // The regency's alarms are its sensor's and its access pseudo-device's (the door alarm is critical).
        var unacked = alarms.GetActive().Count(a => !a.IsAcknowledged && a.DeviceId is TwoSiteApp.RegencyDevice or AccessAlarmSiteApp.RegencySource);
        Assert.True(unacked >= 1);
        Assert.Contains($"data-unacked=\"{unacked}\"", regency, StringComparison.Ordinal);
        Assert.Contains("data-room-state=\"critical\"", regency, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoorAlarmAtTheRegency_IsInTheRegencysAlarmHistory_AndNotInTheProvinces()
    {
        using var supervisor = await SignInClient.ClientAsync(app.Factory, Roles.Supervisor);

        var regency = await supervisor.GetStringAsync($"/room/alarms/history?site={TwoSiteApp.RegencyCode}");
        var province = await supervisor.GetStringAsync("/room/alarms/history?site=DC-KALTIM");

        Assert.Contains($"data-device=\"{AccessAlarmSiteApp.RegencySource}\"", regency, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-device=\"{AccessAlarmKeys.RoomSource}\"", regency, StringComparison.Ordinal);
        Assert.Contains($"data-device=\"{AccessAlarmKeys.RoomSource}\"", province, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessAlarmSiteApp.RegencySource, province, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_FilesEachDoorAlarmUnderItsOwnSite()
    {
        using var supervisor = await SignInClient.ClientAsync(app.Factory, Roles.Supervisor);

        var regency = await supervisor.GetFromJsonAsync<AlarmDto[]>($"/api/v1/alarms?site={TwoSiteApp.RegencyCode}");
        var province = await supervisor.GetFromJsonAsync<AlarmDto[]>("/api/v1/alarms?site=DC-KALTIM");
        var all = await supervisor.GetFromJsonAsync<AlarmDto[]>("/api/v1/alarms");

        var door = Assert.Single(regency!, a => a.Alarm == AccessAlarmSiteApp.RegencyDoorKey);
        Assert.Equal((AccessAlarmSiteApp.RegencySource, TwoSiteApp.RegencyCode, "Critical"), (door.Device, door.Site, door.Severity));
        Assert.DoesNotContain(province!, a => a.Alarm == AccessAlarmSiteApp.RegencyDoorKey);
        Assert.Contains(province!, a => a.Alarm == AccessAlarmSiteApp.ProvinceDoorKey && a.Device == AccessAlarmKeys.RoomSource && a.Site == "DC-KALTIM");
        Assert.Contains(all!, a => a.Alarm == AccessAlarmSiteApp.RegencyDoorKey && a.Site == TwoSiteApp.RegencyCode);
    }

    [Fact]
    public async Task Metrics_LabelEachDoorAlarmWithItsSite()
    {
        using var client = app.Factory.CreateClient();
        var text = await client.GetStringAsync("/metrics");

        Assert.Contains(
            $"dcops_alarm_active{{device=\"{AccessAlarmSiteApp.RegencySource}\",alarm=\"{AccessAlarmSiteApp.RegencyDoorKey}\",severity=\"critical\",site=\"{TwoSiteApp.RegencyCode}\"}} 1",
            text, StringComparison.Ordinal);
        Assert.Contains(
            $"dcops_alarm_active{{device=\"{AccessAlarmKeys.RoomSource}\",alarm=\"{AccessAlarmSiteApp.ProvinceDoorKey}\",severity=\"critical\",site=\"DC-KALTIM\"}} 1",
            text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegencyInspector_SeesHisDoorAlarm_AndTheProvincesIsForbiddenToHim()
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using (var login = await SignInClient.PostLoginAsync(client, TwoSiteApp.RegencyInspector, DemoUsers.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var screen = await client.GetStringAsync("/room/alarms");
        var api = await client.GetFromJsonAsync<AlarmDto[]>("/api/v1/alarms");

        Assert.Contains(RegencyRow, screen, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessAlarmSiteApp.ProvinceDoorKey, screen, StringComparison.Ordinal);
        Assert.Contains(api!, a => a.Alarm == AccessAlarmSiteApp.RegencyDoorKey);
        Assert.DoesNotContain(api!, a => a.Alarm == AccessAlarmSiteApp.ProvinceDoorKey);
        client.Dispose();
    }
}
