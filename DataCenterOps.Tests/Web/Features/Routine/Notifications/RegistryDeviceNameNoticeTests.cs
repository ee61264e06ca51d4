using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Tests.Monitoring.Alarms.Incidents;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Room;
using DataCenterOps.Web.Features.Routine.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Tests.Web.Features.Routine.Notifications;

/// <summary>
/// One name per device: the real app's notices (e-mail/Telegram text, webhook JSON, a real Alertmanager) and /api/v1
/// name a device as the equipment registry does — the seeded name in the installation's language, then the name it
/// was renamed to — while every identifier scripts key on stays the device id.
/// </summary>
public sealed class RegistryDeviceNameNoticeTests
{
    private const string ApiKey = "k3y-for-the-names-test";

    [Theory]
    [InlineData(SeedingOptions.Indonesian, "Sensor lorong dingin A")]
    [InlineData(SeedingOptions.English, "Cold-aisle sensors A")]
    public async Task Notices_AndTheApi_NameTheDevice_AsTheRegistryDoes_AlsoAfterARename(string language, string renamed)
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = new WebAppFactory { Clock = time };
        app.ExtraSettings["Seeding:Language"] = language;
        app.ExtraSettings["Api:ApiKey"] = ApiKey;
        var services = app.Services;
        var text = services.GetRequiredService<AlarmNoticeText>();
        var configured = services.GetRequiredService<IOptions<MonitoringOptions>>().Value.Find("env-1")!.Name;
        var seeded = ShippedNames.RoomSensors.In(language);
        Assert.NotEqual(configured, seeded);

        // The seeded name, in the installation's language.
        var notice = CommLost(time, configured);
        await text.RefreshNamesAsync(CancellationToken.None);
        Assert.Contains(seeded, text.Subject(notice), StringComparison.Ordinal);
        Assert.Contains(seeded, text.Body(notice), StringComparison.Ordinal);
        Assert.DoesNotContain(configured, text.Body(notice), StringComparison.Ordinal);

        // The office renames its equipment; the next notice after the names' cache carries the new name.
        await using (var db = await services.GetRequiredService<IDbContextFactory<DataCenterOpsDbContext>>().CreateDbContextAsync())
        {
            var sensors = await db.Equipment.SingleAsync(e => e.MonitoringDeviceId == "env-1");
            sensors.Name = renamed;
            await db.SaveChangesAsync();
        }

        time.Advance(RoomNames.CacheFor);
        var webhook = await WebhookBodyAsync(services.GetRequiredService<IHttpClientFactory>(), text, time, notice);
        // E-mail and Telegram send this subject and body.
        Assert.Contains(renamed, text.Subject(notice), StringComparison.Ordinal);
        Assert.Contains($"Tidak ada jawaban dari {renamed}", text.Body(notice), StringComparison.Ordinal);
        Assert.DoesNotContain(seeded, text.Body(notice), StringComparison.Ordinal);

        var root = webhook.RootElement;
        Assert.Contains(renamed, root.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var alarm = Assert.Single(root.GetProperty("alarms").EnumerateArray());
        Assert.Equal("env-1", alarm.GetProperty("device").GetString());
        Assert.Equal(renamed, alarm.GetProperty("deviceName").GetString());
        Assert.Equal($"Tidak ada jawaban dari {renamed} (3 polling terlewat)", alarm.GetProperty("message").GetString());
        Assert.Equal(AlarmKeys.CommLost, alarm.GetProperty("key").GetString());

        await AssertAlertmanagerAsync(services.GetRequiredService<IHttpClientFactory>(), text, renamed);
        await AssertApiAsync(app, renamed);
    }

    private static AlarmNotice CommLost(FakeTimeProvider time, string configuredName)
    {
        var now = time.GetUtcNow();
        var alarm = new Alarm(Guid.CreateVersion7(now), "env-1", AlarmKeys.CommLost, AlarmSeverity.Critical,
            $"No answer from {configuredName} (3 polls missed)", now, MessageKey: AlarmMessageKeys.CommLost, MessageArguments: [configuredName, "3"]);
        return new AlarmNotice("names-test-" + alarm.Id, AlarmNoticeKind.Raised, AlarmSeverity.Critical, now, [alarm]);
    }

    private static async Task<JsonDocument> WebhookBodyAsync(IHttpClientFactory http, AlarmNoticeText text, TimeProvider time, AlarmNotice notice)
    {
        var port = FreePorts.Tcp();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            context.Response.StatusCode = 204;
            context.Response.Close();
            return body.ToArray();
        });
        var channels = new NotificationChannelOptions { Site = "dc-test", Webhooks = [new() { Url = $"http://127.0.0.1:{port}/hook", Secret = "names-test-secret" }] };

        await new WebhookAlarmNoticeSink(http, text, Options.Create(channels), time).SendAsync(notice, CancellationToken.None);

        return JsonDocument.Parse(await received.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    // Labels stay keys (device = id); the annotations name the device.
    private static async Task AssertAlertmanagerAsync(IHttpClientFactory http, AlarmNoticeText text, string renamed)
    {
        await using var am = await AlertmanagerProcess.StartAsync();
        var h = new EngineHarness(start: TimeProvider.System.GetUtcNow());
        var channels = new NotificationChannelOptions { Site = "dc-test", Alertmanager = { Url = am.Url.ToString() } };
        var pusher = new AlertmanagerPusher(h.Engine, text, http, Options.Create(channels), h.Time, NullLogger<AlertmanagerPusher>.Instance);
        h.Raise("env-1", "water.leak");
        Assert.True(await pusher.PushOnceAsync(CancellationToken.None));

        var alert = Assert.Single((await am.Client.GetFromJsonAsync<List<JsonElement>>(new Uri(am.Url, "/api/v2/alerts")))!);
        var labels = alert.GetProperty("labels");
        Assert.Equal("env-1", labels.GetProperty("device").GetString());
        Assert.Equal("water.leak", labels.GetProperty("alertname").GetString());
        Assert.Equal(["alertname", "device", "severity", "site"], labels.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var annotations = alert.GetProperty("annotations");
        Assert.Equal(renamed, annotations.GetProperty("device_name").GetString());
        Assert.StartsWith(renamed + ": ", annotations.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static async Task AssertApiAsync(WebAppFactory app, string renamed)
    {
        using var client = await SignInClient.ClientAsync(app, null);
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var devices = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/devices");
        var sensors = devices!.Single(d => d.GetProperty("id").GetString() == "env-1");
        Assert.Equal(renamed, sensors.GetProperty("name").GetString());
        Assert.Equal("UPS 1", devices!.Single(d => d.GetProperty("id").GetString() == "ups-1").GetProperty("name").GetString());
    }
}
