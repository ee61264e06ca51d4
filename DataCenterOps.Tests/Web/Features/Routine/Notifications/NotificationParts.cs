using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Web.Features.Routine;
using DataCenterOps.Web.Features.Routine.Notifications;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Tests.Web.Shared.Localization;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Web.Features.Routine.Notifications;

/// <summary>The notification channels' parts as the app wires them, with the test's channel settings.</summary>
internal sealed class NotificationParts : IDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="names">The devices' names (the app: the equipment registry's); null: their configured names.</param>
    public NotificationParts(NotificationChannelOptions channels, TimeProvider time, IDeviceDisplayNames? names = null)
    {
        Channels = channels;
        Time = time;
        _services = new ServiceCollection().AddLogging().AddUiLocalization()
            .AddHttpClient(AlarmNotificationRegistration.HttpClientName).Services.BuildServiceProvider();
        var live = new LiveStateStore(Options.Create(new MonitoringOptions()), NullLogger<LiveStateStore>.Instance);
        Text = new AlarmNoticeText(UiResources.Localizer(), names ?? new ConfiguredDeviceNames(live), new DisplayClock(Options.Create(new DisplayOptions()), time),
            Options.Create(channels), Options.Create(new RoutineOptions()));
    }

    public NotificationChannelOptions Channels { get; }

    public TimeProvider Time { get; }

    public AlarmNoticeText Text { get; }

    public IHttpClientFactory Http => _services.GetRequiredService<IHttpClientFactory>();

    public void Dispose() => _services.Dispose();
}
