using System.Net.Http.Headers;
using System.Text.Json;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>
/// Each notice as one signed JSON POST to every <c>Notifications:Webhooks:N</c> (see <see cref="WebhookSignature"/>).
/// Every hook is tried; a failure is reported after all of them, naming hooks by index (their address may hold a token).
/// </summary>
internal sealed class WebhookAlarmNoticeSink(IHttpClientFactory http, AlarmNoticeText text, IOptions<NotificationChannelOptions> options, TimeProvider time)
    : IAlarmNoticeSink
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public async Task SendAsync(AlarmNotice notice, CancellationToken cancellationToken)
    {
        var hooks = options.Value.Webhooks;
        if (hooks.Count == 0)
        {
            return;
        }

        await text.RefreshNamesAsync(cancellationToken).ConfigureAwait(false);
        var body = JsonSerializer.SerializeToUtf8Bytes(Payload(notice), s_json);
        var failed = new List<string>();
        var client = http.CreateClient(AlarmNotificationRegistration.HttpClientName);
        for (var i = 0; i < hooks.Count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, hooks[i].Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(hooks[i].Secret!, body));
            try
            {
                using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    failed.Add($"{i} ({(int)response.StatusCode})");
                }
            }
            catch (HttpRequestException ex)
            {
                failed.Add($"{i} ({ex.HttpRequestError})");
            }
        }

        if (failed.Count > 0)
        {
            throw new HttpRequestException($"Webhook(s) {string.Join(", ", failed)} did not take notice {notice.Id}.");
        }
    }

    private WebhookNotice Payload(AlarmNotice notice) => new(
        notice.Id,
        JsonNamingPolicy.CamelCase.ConvertName(notice.Kind.ToString()),
        Lower(notice.Severity),
        text.Site,
        notice.At,
        time.GetUtcNow(),
        text.Subject(notice),
        AlarmNoticeRouting.RolesFor(notice),
        notice.Incident is { } i ? new WebhookIncident(i.Id, i.Rule, i.Category, i.OpenedAt, i.ClosedAt, i.Duration?.TotalSeconds) : null,
        [.. notice.Alarms.Select(a => new WebhookAlarm(
            a.Id, a.DeviceId, text.DeviceName(a.DeviceId), a.Key, Lower(a.Severity), text.Alarm(a), a.RaisedAt, a.AcknowledgedBy, a.AcknowledgedAt, a.ClearedAt))]);

    private static string Lower(AlarmSeverity severity) => severity == AlarmSeverity.Critical ? "critical" : "warning";

    private sealed record WebhookNotice(
        string Id, string Kind, string Severity, string Site, DateTimeOffset At, DateTimeOffset SentAt, string Summary,
        IReadOnlyList<string> Roles, WebhookIncident? Incident, IReadOnlyList<WebhookAlarm> Alarms);

    private sealed record WebhookIncident(Guid Id, string Rule, string Category, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, double? DurationSeconds);

    private sealed record WebhookAlarm(
        Guid Id, string Device, string DeviceName, string Key, string Severity, string Message, DateTimeOffset RaisedAt,
        string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, DateTimeOffset? ClearedAt);
}
