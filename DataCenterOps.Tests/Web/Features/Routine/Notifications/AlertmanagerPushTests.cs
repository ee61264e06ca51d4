using System.Net.Http.Json;
using System.Text.Json;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Tests.Monitoring.Alarms.Incidents;
using DataCenterOps.Web.Features.Routine.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Web.Features.Routine.Notifications;

/// <summary>A real Alertmanager (Debian prometheus-alertmanager) receives our alarms and sees them resolved.</summary>
public sealed class AlertmanagerPushTests
{
    [Fact]
    public async Task MainsFailureIncident_ReachesAlertmanager_WithItsLabels_AndIsResolvedThere()
    {
        await using var am = await AlertmanagerProcess.StartAsync();
        // Alertmanager judges endsAt by its own clock: the fake clock starts at the real now.
        var h = new EngineHarness(start: TimeProvider.System.GetUtcNow());
        var channels = new NotificationChannelOptions { Site = "dc-test", Alertmanager = { Url = am.Url.ToString() } };
        using var parts = new NotificationParts(channels, h.Time);
        var pusher = new AlertmanagerPusher(h.Engine, parts.Text, parts.Http, Options.Create(channels), h.Time, NullLogger<AlertmanagerPusher>.Instance);

        h.Raise("genset-1", AlarmKeys.MainsFailed);
        h.Raise("ups-1", AlarmKeys.UpsOnBattery);
        h.Raise("ups-2", AlarmKeys.UpsOnBattery);
        h.Raise("ups-1", AlarmKeys.UpsBatteryLow, AlarmSeverity.Warning);
        h.Windows.Open.Add(new MaintenanceWindow("crac-1", h.Time.GetUtcNow(), null, "Rencana Kerja"));
        h.Raise("crac-1", AlarmKeys.CoolingAlarm("filter"), AlarmSeverity.Warning); // under maintenance: not pushed
        Assert.True(await pusher.PushOnceAsync(CancellationToken.None));

        var alerts = await ActiveAlertsAsync(am);
        Assert.Equal(
            [("genset-1", "mains.failed", "critical"), ("ups-1", "ups.battery_low", "warning"), ("ups-1", "ups.on_battery", "critical"), ("ups-2", "ups.on_battery", "critical")],
            alerts.Select(a => (Label(a, "device"), Label(a, "alertname"), Label(a, "severity"))).Order());
        Assert.All(alerts, a => Assert.Equal("dc-test", Label(a, "site")));
        Assert.All(alerts, a => Assert.Equal("active", a.GetProperty("status").GetProperty("state").GetString()));
        var mains = alerts.Single(a => Label(a, "alertname") == AlarmKeys.MainsFailed);
        Assert.Equal("PLN padam", mains.GetProperty("annotations").GetProperty("summary").GetString());
        Assert.Equal(h.Engine.OpenIncidents().Single(i => i.Category == "power").Id.ToString(), mains.GetProperty("annotations").GetProperty("incident").GetString());

        h.Clear("ups-1", AlarmKeys.UpsBatteryLow);
        Assert.True(await pusher.PushOnceAsync(CancellationToken.None));
        Assert.Equal(3, (await ActiveAlertsAsync(am)).Count);

        h.Clear("ups-1", AlarmKeys.UpsOnBattery);
        h.Clear("ups-2", AlarmKeys.UpsOnBattery);
        h.Clear("genset-1", AlarmKeys.MainsFailed);
        Assert.True(await pusher.PushOnceAsync(CancellationToken.None));
        Assert.Empty(await ActiveAlertsAsync(am)); // resolved (endsAt now): Alertmanager lists only unresolved alerts
    }

    private static async Task<List<JsonElement>> ActiveAlertsAsync(AlertmanagerProcess am)
    {
        var alerts = await am.Client.GetFromJsonAsync<List<JsonElement>>(new Uri(am.Url, "/api/v2/alerts"));
        return alerts!;
    }

    private static string? Label(JsonElement alert, string name) => alert.GetProperty("labels").GetProperty(name).GetString();
}
