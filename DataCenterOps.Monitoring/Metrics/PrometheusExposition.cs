using System.Globalization;
using System.Text;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.LiveState;

namespace DataCenterOps.Monitoring.Metrics;

/// <summary>
/// Renders the live state as Prometheus text exposition (format 0.0.4). Written directly rather than through
/// prometheus-net: every scrape is a snapshot of state we already hold, so there is no second copy to keep in step,
/// no static registry shared between hosts in one process, and series of a removed alarm or a stale point simply
/// stop appearing instead of lingering until someone unregisters them. The names and labels are a fixed interface.
/// </summary>
public static class PrometheusExposition
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>
    /// Only live (Good) numeric values appear: a stale value must never look current to a dashboard. Every device
    /// series ends with <c>site="CODE"</c>, the code <paramref name="siteOf"/> gives the device's configured site
    /// (empty when null); an alarm of a source that is no device gets the site its name gives (<c>access:CODE</c>, see
    /// <see cref="AlarmSources"/>), else the default site's (<paramref name="siteOf"/> of "").
    /// </summary>
    public static string Render(IReadOnlyList<DeviceSnapshot> devices, IReadOnlyList<Alarm> activeAlarms, Func<string?, string>? siteOf = null)
    {
        siteOf ??= code => code ?? "";
        var sites = new Dictionary<string, string>(devices.Count, StringComparer.Ordinal);
        foreach (var device in devices)
        {
            sites[device.DeviceId] = siteOf(device.Site);
        }

        var text = new StringBuilder(4096);
        text.Append("# HELP dcops_point_value Latest live value of a device point, in the profile's unit after scaling.\n")
            .Append("# TYPE dcops_point_value gauge\n");
        foreach (var device in devices)
        {
            foreach (var point in device.Points)
            {
                if (point is { IsLive: true, Value: { } value } && double.IsFinite(value))
                {
                    text.Append("dcops_point_value{device=\"").Append(Escape(device.DeviceId))
                        .Append("\",point=\"").Append(Escape(point.Point))
                        .Append("\",unit=\"").Append(Escape(point.Unit))
                        .Append("\",site=\"").Append(Escape(sites[device.DeviceId]))
                        .Append("\"} ").Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
                }
            }
        }

        text.Append("# HELP dcops_device_up 1 when the device answers its polls, 0 when communication-lost or never answered.\n")
            .Append("# TYPE dcops_device_up gauge\n");
        foreach (var device in devices)
        {
            text.Append("dcops_device_up{device=\"").Append(Escape(device.DeviceId))
                .Append("\",site=\"").Append(Escape(sites[device.DeviceId])).Append("\"} ")
                .Append(device.Status.IsUp ? '1' : '0').Append('\n');
        }

        text.Append("# HELP dcops_alarm_active 1 for each active (not cleared) alarm.\n")
            .Append("# TYPE dcops_alarm_active gauge\n");
        foreach (var alarm in activeAlarms)
        {
            text.Append("dcops_alarm_active{device=\"").Append(Escape(alarm.DeviceId))
                .Append("\",alarm=\"").Append(Escape(alarm.Key))
                .Append("\",severity=\"").Append(alarm.Severity == AlarmSeverity.Critical ? "critical" : "warning")
                .Append("\",site=\"").Append(Escape(sites.GetValueOrDefault(alarm.DeviceId) ?? siteOf(AlarmSources.SiteCodeNamedBy(alarm.DeviceId))))
                .Append("\"} 1\n");
        }

        return text.ToString();
    }

    /// <summary><c>dcops_node_devices{node}</c>: devices each live poller node holds a lease on now (from the shared lease table).</summary>
    public static void AppendNodeDevices(StringBuilder text, IReadOnlyList<NodeDeviceCount> counts)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(counts);
        text.Append("# HELP dcops_node_devices Devices each live poller node polls now (holds a lease on).\n")
            .Append("# TYPE dcops_node_devices gauge\n");
        foreach (var count in counts)
        {
            text.Append("dcops_node_devices{node=\"").Append(Escape(count.Node)).Append("\"} ")
                .Append(count.Devices.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static string Escape(string value) =>
        value.Contains('\\', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal)
            ? value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            : value;
}
