using DataCenterOps.Domain.Maintenance;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// A device is in maintenance while a checklist on its equipment (Equipment.MonitoringDeviceId) is in progress.
/// Cached briefly: every open dashboard asks, the answer changes a few times a day. Empty when the domain
/// database is not registered.
/// </summary>
internal sealed class ChecklistMaintenanceStatus(IServiceScopeFactory scopes, TimeProvider time) : IRoomMaintenanceStatus
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlySet<string> _cached = new HashSet<string>();
    private DateTimeOffset _expires = DateTimeOffset.MinValue;

    public async Task<IReadOnlySet<string>> GetDevicesInMaintenanceAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() < _expires)
        {
            return _cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (time.GetUtcNow() >= _expires)
            {
                _cached = await LoadAsync(cancellationToken).ConfigureAwait(false);
                _expires = time.GetUtcNow() + CacheFor;
            }

            return _cached;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlySet<string>> LoadAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return scope.ServiceProvider.GetService<MaintenanceWindowQueries>() is { } maintenance
                ? await maintenance.DevicesWithChecklistInProgressAsync(cancellationToken).ConfigureAwait(false)
                : new HashSet<string>();
        }
    }
}
