using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Web.Shared.Display;

namespace DataCenterOps.Web.Features.Routine.Maintenance;

/// <summary>
/// Monitoring's <see cref="IMaintenanceWindows"/> port, answered from the paperwork (<see cref="MaintenanceWindowQueries"/>:
/// executing Rencana Kerja items and the Pengawas' ad-hoc windows). Answers from memory; <see cref="RefreshAsync"/>
/// reloads (every <see cref="RefreshEvery"/>, and at once after a window is opened).
/// </summary>
public sealed partial class PaperworkMaintenanceWindows(IServiceScopeFactory scopes, DisplayClock clock, TimeProvider time, ILogger<PaperworkMaintenanceWindows> logger)
    : BackgroundService, IMaintenanceWindows
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    private volatile IReadOnlyList<MaintenanceWindow> _windows = [];

    public IReadOnlyList<MaintenanceWindow> Current => _windows;

    public MaintenanceWindow? Find(string deviceId, DateTimeOffset at)
    {
        foreach (var window in _windows)
        {
            if (window.DeviceId == deviceId && window.Covers(at))
            {
                return window;
            }
        }

        return null;
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var queries = scope.ServiceProvider.GetRequiredService<MaintenanceWindowQueries>();
            var periods = await queries.CurrentAsync(time.GetUtcNow().UtcDateTime, clock.Zone, RefreshEvery * 2, cancellationToken).ConfigureAwait(false);
            _windows = [.. periods.Select(p => new MaintenanceWindow(
                p.DeviceId,
                new DateTimeOffset(DateTime.SpecifyKind(p.StartUtc, DateTimeKind.Utc)),
                p.EndUtc is { } end ? new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc)) : null,
                p.Reason))];
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshEvery, time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failed read must not stop the refresh loop.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                // Keep the last known windows; the next refresh tries again.
                LogRefreshFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the maintenance windows failed; keeping the last known ones")]
    private partial void LogRefreshFailed(Exception exception);
}
