using System.Collections.Frozen;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Monitoring.LiveState;

namespace DataCenterOps.Web.Features.Access;

/// <summary>
/// Feeds every live change of a room sensor's "door" point to the access register's door cross-check, with the site
/// the device stands at (its <c>Monitoring:Devices:N:Site</c> code, empty = the default site) as the site's id, so the
/// door is checked against that site's register only.
/// </summary>
public sealed partial class DoorEventBridge(
    LiveStateStore liveState,
    DoorCorrelationService correlation,
    IServiceScopeFactory scopes,
    ILogger<DoorEventBridge> logger) : IHostedService
{
    public const string DoorPoint = "door";

    private IDisposable? _subscription;
    private FrozenDictionary<string, Guid> _siteIds = FrozenDictionary<string, Guid>.Empty;
    private Guid _defaultSiteId = Site.DefaultId;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The sites are synchronised from configuration before the hosted services start; they change only with a restart.
        await using (var scope = scopes.CreateAsyncScope())
        {
            var sites = await scope.ServiceProvider.GetRequiredService<SiteQueries>().AllAsync(cancellationToken);
            _siteIds = sites.ToFrozenDictionary(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase);
            _defaultSiteId = sites.FirstOrDefault(s => s.IsDefault)?.Id ?? Site.DefaultId;
        }

        _subscription = liveState.Subscribe(OnChange);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The id of the site a device configured with <paramref name="deviceSiteCode"/> stands at (empty or unknown = the default site).</summary>
    public Guid SiteIdOf(string? deviceSiteCode)
    {
        if (string.IsNullOrWhiteSpace(deviceSiteCode))
        {
            return _defaultSiteId;
        }

        if (_siteIds.TryGetValue(deviceSiteCode, out var id))
        {
            return id;
        }

        LogUnknownSite(logger, deviceSiteCode);
        return _defaultSiteId;
    }

    // Runs on the poller's thread: Post only queues.
    private void OnChange(LiveStateChange change)
    {
        if (change.IsReplica)
        {
            return; // polled on another node, which posts the door event once
        }

        foreach (var point in change.ChangedPoints)
        {
            if (point.Point == DoorPoint && point.IsLive)
            {
                var open = point.Value == 1 || string.Equals(point.Text, "open", StringComparison.OrdinalIgnoreCase);
                var site = SiteIdOf(liveState.GetDevice(point.DeviceId)?.Site);
                correlation.Post(new DoorEvent(point.DeviceId, point.Timestamp.UtcDateTime, open) { SiteId = site });
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Door device at site '{SiteCode}', which is no configured site: its door is checked against the default site's register.")]
    private static partial void LogUnknownSite(ILogger logger, string siteCode);
}
