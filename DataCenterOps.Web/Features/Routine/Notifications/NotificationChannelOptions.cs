using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>
/// Section "Notifications": where alarm notices go (the rules of what is notified are Monitoring's
/// <c>AlarmNotificationOptions</c>, the same section). Secrets here never reach logs, ToString or /api.
/// </summary>
public sealed class NotificationChannelOptions
{
    public const string SectionName = "Notifications";

    /// <summary>The <c>site</c> label on every alert and the site named in every message.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string Site { get; set; } = "dc-diskominfo-kaltim";

    /// <summary>E-mail to people by role through the <c>Smtp</c> server (when Smtp:Host is set).</summary>
    public bool Email { get; set; } = true;

    public AlertmanagerChannelOptions Alertmanager { get; set; } = new();

    public List<WebhookChannelOptions> Webhooks { get; set; } = [];

    public TelegramChannelOptions Telegram { get; set; } = new();

    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
