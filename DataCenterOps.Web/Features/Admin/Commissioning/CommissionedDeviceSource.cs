using DataCenterOps.Domain.Facilities;
using DataCenterOps.Monitoring.Devices;

namespace DataCenterOps.Web.Features.Admin.Commissioning;

/// <summary>
/// Monitoring's <see cref="IAdditionalDeviceSource"/> over the Domain's commissioned devices: loaded in a scope of
/// its own (secrets unprotected in memory only), changed whenever <see cref="CommissionedDeviceChanges"/> says so.
/// </summary>
internal sealed class CommissionedDeviceSource(IServiceScopeFactory scopes, CommissionedDeviceChanges changes) : IAdditionalDeviceSource
{
    public async Task<IReadOnlyList<DeviceOptions>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<CommissionedDeviceService>().LoadForMonitoringAsync(cancellationToken);
        return [.. rows.Select(CommissionedDeviceMapping.ToOptions)];
    }

    public IDisposable OnChanged(Action onChanged) => changes.Subscribe(onChanged);
}
