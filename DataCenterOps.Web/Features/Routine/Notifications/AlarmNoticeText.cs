using System.Globalization;
using System.Text;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>
/// Notices and alarms in Bahasa Indonesia (the site's language; the neutral resources), whatever the caller's culture:
/// subject and body for e-mail, webhook and Telegram, and the Alertmanager annotations. Devices by their one name
/// (<see cref="IDeviceDisplayNames"/>: the equipment registry's in the app, as on every screen).
/// </summary>
public sealed class AlarmNoticeText(
    IStringLocalizer<Ui> l, IDeviceDisplayNames names, DisplayClock clock, IOptions<NotificationChannelOptions> channels, IOptions<RoutineOptions> routine)
{
    private static readonly CultureInfo s_indonesian = CultureInfo.GetCultureInfo("id-ID");

    public string Site => channels.Value.Site;

    /// <summary>The alarm's text, e.g. "PLN padam".</summary>
    public string Alarm(Alarm alarm) => InIndonesian(() => AlarmText.For(l, alarm, DeviceName(alarm.DeviceId)));

    public string DeviceName(string deviceId) => names.Of(deviceId);

    /// <summary>Brings the device names up to date; a channel calls it before it writes a notice.</summary>
    public Task RefreshNamesAsync(CancellationToken cancellationToken) => names.RefreshAsync(cancellationToken);

    public string Severity(AlarmSeverity severity) => InIndonesian(() => l["Notify.Severity." + severity].Value);

    public string Subject(AlarmNotice notice) => InIndonesian(() => SubjectOf(notice));

    public string Body(AlarmNotice notice) => InIndonesian(() => BodyOf(notice));

    private static T InIndonesian<T>(Func<T> render)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = s_indonesian;
        try
        {
            return render();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    private string SubjectOf(AlarmNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var first = notice.Alarm;
        var device = DeviceName(first.DeviceId);
        var text = AlarmText.For(l, first, device);
        var severity = l["Notify.Severity." + notice.Severity].Value;
        return notice.Kind switch
        {
            AlarmNoticeKind.IncidentOpened => l["Notify.Subject.IncidentOpened", severity, Category(notice.Incident!), device, text],
            AlarmNoticeKind.IncidentResolved => l["Notify.Subject.IncidentResolved", Category(notice.Incident!),
                Math.Max(1, (int)Math.Round(notice.Incident!.Duration!.Value.TotalMinutes)), Recovered(notice.Alarms)],
            AlarmNoticeKind.Cleared => l["Notify.Subject.Cleared", device, text],
            AlarmNoticeKind.Flapping => l["Notify.Subject.Flapping", device, text],
            AlarmNoticeKind.Escalated => l["Notify.Subject.Escalated", device, text,
                (int)(notice.At - (notice.Incident?.OpenedAt ?? first.RaisedAt)).TotalMinutes],
            _ => l["Notify.Subject.Raised", severity, device, text],
        };
    }

    private string BodyOf(AlarmNotice notice)
    {
        var body = new StringBuilder();
        body.AppendLine(SubjectOf(notice)).AppendLine();
        body.AppendLine(l["Notify.Body.Site", Site]);
        foreach (var alarm in notice.Alarms)
        {
            body.Append("- ").Append(l["Notify.Body.Line", clock.FormatWithZone(alarm.RaisedAt), DeviceName(alarm.DeviceId), AlarmText.For(l, alarm, DeviceName(alarm.DeviceId)),
                l["Notify.Severity." + alarm.Severity].Value].Value);
            if (alarm.AcknowledgedBy is { } by)
            {
                body.Append("; ").Append(l["Notify.Body.Acknowledged", by].Value);
            }

            if (alarm.ClearedAt is { } cleared)
            {
                body.Append("; ").Append(l["Notify.Body.Cleared", clock.FormatWithZone(cleared)].Value);
            }

            body.AppendLine();
        }

        if (routine.Value.AppBaseUrl is { Length: > 0 } baseUrl)
        {
            body.AppendLine().AppendLine(l["Notify.Body.Link", baseUrl.TrimEnd('/') + "/room/alarms"]);
        }

        return body.ToString();
    }

    private string Category(Incident incident)
    {
        var text = l["Notify.Category." + incident.Category];
        return text.ResourceNotFound ? incident.Category : text.Value;
    }

    // "PLN padam, UPS berjalan dengan baterai (2), Genset gagal start": what has come back, once per kind of alarm.
    private string Recovered(IReadOnlyList<Alarm> alarms) => string.Join(", ", alarms
        .GroupBy(a => AlarmText.For(l, a, DeviceName(a.DeviceId)), StringComparer.Ordinal)
        .Select(g => g.Count() > 1 ? $"{g.Key} ({g.Count().ToString(CultureInfo.CurrentCulture)})" : g.Key));
}
