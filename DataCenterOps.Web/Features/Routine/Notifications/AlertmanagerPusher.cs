using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>
/// With <c>Notifications:Alertmanager:Url</c> set, keeps Prometheus Alertmanager's view equal to ours: every active
/// alarm that is notified (not under maintenance, not suppressed) is posted to <c>/api/v2/alerts</c> at once and again
/// every <c>RepeatInterval</c> (endsAt = now + 3 × interval, so it resolves by itself if we stop); an alarm that leaves
/// that set is posted once more with endsAt = now (resolved). Labels: alertname (alarm key), device (its id), severity,
/// site; annotations in Bahasa Indonesia, the device by its one name (device_name). A failed post is retried at the next wake-up; nothing is lost.
/// </summary>
internal sealed partial class AlertmanagerPusher(
    AlarmNotificationEngine engine,
    AlarmNoticeText text,
    IHttpClientFactory http,
    IOptions<NotificationChannelOptions> options,
    TimeProvider time,
    ILogger<AlertmanagerPusher> logger) : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<Guid, Alarm> _pushed = [];
    private readonly Dictionary<Guid, Alarm> _resolving = [];

    private AlertmanagerChannelOptions Settings => options.Value.Alertmanager;

    /// <summary>Posts the current set (and the resolved) once; false when the post failed (kept for the next time).</summary>
    internal async Task<bool> PushOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = engine.Pushable().ToDictionary(a => a.Id);
        foreach (var (id, alarm) in _pushed.Where(p => !current.ContainsKey(p.Key)).ToList())
        {
            _resolving[id] = alarm;
            _pushed.Remove(id);
        }

        foreach (var id in current.Keys)
        {
            _resolving.Remove(id);
        }

        await text.RefreshNamesAsync(cancellationToken).ConfigureAwait(false);
        var activeUntil = now + (3 * Settings.RepeatInterval);
        var alerts = current.Values.Select(a => Alert(a, activeUntil)).Concat(_resolving.Values.Select(a => Alert(a, now))).ToList();
        if (alerts.Count == 0)
        {
            return true;
        }

        var client = http.CreateClient(AlarmNotificationRegistration.HttpClientName);
        try
        {
            using var response = await client.PostAsJsonAsync(new Uri(Settings.Url!.TrimEnd('/') + "/api/v2/alerts"), alerts, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogPostFailed((int)response.StatusCode, null);
                return false;
            }
        }
        catch (HttpRequestException ex)
        {
            LogPostFailed(null, ex);
            return false;
        }

        foreach (var (id, alarm) in current)
        {
            _pushed[id] = alarm;
        }

        _resolving.Clear();
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Settings.IsConfigured)
        {
            return;
        }

        engine.Changed += OnChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await PushOnceAsync(stoppingToken).ConfigureAwait(false);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var woken = _wake.Reader.WaitToReadAsync(wait.Token).AsTask();
                await Task.WhenAny(woken, Task.Delay(Settings.RepeatInterval, time, wait.Token)).ConfigureAwait(false);
                await wait.CancelAsync().ConfigureAwait(false);
                _wake.Reader.TryRead(out _);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; Alertmanager resolves our alerts by their endsAt.
        }
        finally
        {
            engine.Changed -= OnChanged;
        }
    }

    private void OnChanged() => _wake.Writer.TryWrite(true);

    private PostableAlert Alert(Alarm alarm, DateTimeOffset endsAt)
    {
        var flags = engine.FlagsOf(alarm);
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["summary"] = text.Alarm(alarm),
            ["description"] = $"{text.DeviceName(alarm.DeviceId)}: {text.Alarm(alarm)} ({text.Severity(alarm.Severity)}, {text.Site})",
            // The device's one name (the registry's); the label "device" stays its id, which routes and silences key on.
            ["device_name"] = text.DeviceName(alarm.DeviceId),
        };
        if (flags.IncidentId is { } incident)
        {
            annotations["incident"] = incident.ToString("D", CultureInfo.InvariantCulture);
        }

        return new PostableAlert(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["alertname"] = alarm.Key,
                ["device"] = alarm.DeviceId,
                ["severity"] = alarm.Severity == AlarmSeverity.Critical ? "critical" : "warning",
                ["site"] = text.Site,
            },
            annotations,
            Rfc3339(alarm.RaisedAt),
            Rfc3339(endsAt));
    }

    private static string Rfc3339(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alertmanager did not take the alerts (status {Status}); retrying at the next push")]
    private partial void LogPostFailed(int? status, Exception? exception);

    private sealed record PostableAlert(
        [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels,
        [property: JsonPropertyName("annotations")] IReadOnlyDictionary<string, string> Annotations,
        [property: JsonPropertyName("startsAt")] string StartsAt,
        [property: JsonPropertyName("endsAt")] string EndsAt);
}
