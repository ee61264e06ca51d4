using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Web.Features.Routine.Maintenance;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Notifications;

public static class AlarmNotificationRegistration
{
    /// <summary>The HTTP client of the notification channels: it logs no addresses (a Telegram address holds the bot token).</summary>
    public const string HttpClientName = "notifications";

    /// <summary>
    /// Alarm notification channels (section "Notifications"): e-mail by role, signed webhooks, Telegram, and the
    /// Alertmanager push. Needs AddMonitoring, AddDomain and AddRoutine (the mail sender).
    /// </summary>
    public static IHostApplicationBuilder AddAlarmNotifications(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<NotificationChannelOptions>().BindConfiguration(NotificationChannelOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationChannelOptions>, NotificationChannelOptionsValidator>();
        services.AddHttpClient(HttpClientName, (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<NotificationChannelOptions>>().Value.Timeout)
            .RemoveAllLoggers();
        services.AddUiLocalization();
        services.AddSingleton<AlarmNoticeText>();
        services.AddSingleton<IAlarmNoticeSink, EmailAlarmNoticeSink>();
        services.AddSingleton<IAlarmNoticeSink, WebhookAlarmNoticeSink>();
        services.AddSingleton<IAlarmNoticeSink, TelegramAlarmNoticeSink>();
        services.AddHostedService<AlertmanagerPusher>();

        // Monitoring learns from the paperwork which devices are under maintenance (replaces its "none" default).
        services.AddSingleton<PaperworkMaintenanceWindows>();
        services.AddSingleton<IMaintenanceWindows>(sp => sp.GetRequiredService<PaperworkMaintenanceWindows>());
        services.AddHostedService(sp => sp.GetRequiredService<PaperworkMaintenanceWindows>());
        return builder;
    }
}
