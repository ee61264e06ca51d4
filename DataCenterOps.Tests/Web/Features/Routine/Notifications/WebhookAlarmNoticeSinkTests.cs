using System.Net;
using System.Text.Json;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Tests.Monitoring.Alarms.Incidents;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Routine.Notifications;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Web.Features.Routine.Notifications;

/// <summary>The webhook against a local receiver that checks the HMAC-SHA-256 signature as a real one would.</summary>
public sealed class WebhookAlarmNoticeSinkTests
{
    private const string Secret = "s3cret-for-the-webhook-test";

    [Fact]
    public async Task IncidentNotice_IsPostedSigned_AndAReceiverWithAnotherSecretRefusesIt()
    {
        var port = FreePorts.Tcp();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = new List<(string Path, bool Valid, byte[] Body)>();
        var receiver = Task.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                var context = await listener.GetContextAsync();
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                var valid = WebhookSignature.Verify(Secret, body.ToArray(), context.Request.Headers[WebhookSignature.HeaderName]);
                received.Add((context.Request.Url!.AbsolutePath, valid, body.ToArray()));
                context.Response.StatusCode = valid ? 204 : 401;
                context.Response.Close();
            }
        });

        var h = new EngineHarness();
        var channels = new NotificationChannelOptions
        {
            Site = "dc-test",
            Webhooks =
            [
                new() { Url = $"http://127.0.0.1:{port}/good", Secret = Secret },
                new() { Url = $"http://127.0.0.1:{port}/other", Secret = "a-different-secret-entirely" },
            ],
        };
        using var parts = new NotificationParts(channels, h.Time);
        var sink = new WebhookAlarmNoticeSink(parts.Http, parts.Text, Options.Create(channels), h.Time);
        h.Raise("genset-1", AlarmKeys.MainsFailed);
        var notice = Assert.Single(h.Notices);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => sink.SendAsync(notice, CancellationToken.None));
        await receiver.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("1 (401)", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("other", failure.Message, StringComparison.Ordinal);
        Assert.Equal([("/good", true), ("/other", false)], received.Select(r => (r.Path, r.Valid)));
        using var json = JsonDocument.Parse(received[0].Body);
        var root = json.RootElement;
        Assert.Equal(notice.Id, root.GetProperty("id").GetString());
        Assert.Equal("incidentOpened", root.GetProperty("kind").GetString());
        Assert.Equal("critical", root.GetProperty("severity").GetString());
        Assert.Equal("dc-test", root.GetProperty("site").GetString());
        Assert.Equal("power.mains_failure", root.GetProperty("incident").GetProperty("rule").GetString());
        Assert.Equal(["Operator", "Supervisor"], root.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var alarm = Assert.Single(root.GetProperty("alarms").EnumerateArray());
        Assert.Equal("PLN padam", alarm.GetProperty("message").GetString());
        Assert.Equal("genset-1", alarm.GetProperty("device").GetString());
    }

    [Fact]
    public void Signature_IsSha256HmacOfTheBody_InLowercaseHex()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            WebhookSignature.Sign("Jefe", "what do ya want for nothing?"u8));
    }
}
