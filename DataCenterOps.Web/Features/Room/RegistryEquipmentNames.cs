using DataCenterOps.Domain.Facilities;

namespace DataCenterOps.Web.Features.Room;

/// <summary>Reads the registry's names of monitored equipment; empty when the domain is not registered (monitoring-only hosts).</summary>
internal sealed class RegistryEquipmentNames(IServiceScopeFactory scopes) : IRoomEquipmentNames
{
    public async Task<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return scope.ServiceProvider.GetService<EquipmentQueries>() is { } equipment
                ? await equipment.NamesByMonitoringDeviceAsync(cancellationToken).ConfigureAwait(false)
                : new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }
}
