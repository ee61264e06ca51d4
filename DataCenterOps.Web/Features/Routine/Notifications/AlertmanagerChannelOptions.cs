namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>Section "Notifications:Alertmanager": with <see cref="Url"/> set, active alarms are pushed to its v2 API.</summary>
public sealed class AlertmanagerChannelOptions
{
    /// <summary>Base address, e.g. <c>http://127.0.0.1:9093</c> (the app posts to <c>/api/v2/alerts</c> under it).</summary>
    public string? Url { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    /// <summary>Every active alarm is re-sent this often; each carries endsAt = now + 3 × this, so Alertmanager resolves it if the app stops.</summary>
    public TimeSpan RepeatInterval { get; set; } = TimeSpan.FromMinutes(1);
}
