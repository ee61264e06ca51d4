using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Web.Shared.Display;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>
/// The app is where the projects meet: the Domain reads no web setting and Monitoring no Domain setting, so the
/// values they share are handed over here, each only when the project's own section leaves it unset.
/// </summary>
public static class ProjectOptionsBridge
{
    public static IServiceCollection AddProjectOptionsBridge(this IServiceCollection services)
    {
        // One zone for the whole app: the SOP's calendar days follow Display:TimeZone unless Sop:TimeZone is set.
        services.AddOptions<SopOptions>()
            .PostConfigure<IOptions<DisplayOptions>>((sop, display) => sop.TimeZone ??= display.Value.TimeZone);

        // History sits in the app's data folder (Storage:DataDirectory) unless Monitoring:DataDirectory is set.
        services.AddOptions<MonitoringOptions>()
            .PostConfigure<IOptions<StorageOptions>>((monitoring, storage) =>
            {
                monitoring.DataDirectory ??= storage.Value.DataDirectory;
                // Many nodes share one PostgreSQL: monitoring's leases, live state and alarms go there too.
                if (storage.Value.IsPostgreSql)
                {
                    monitoring.PostgreSqlConnectionString ??= storage.Value.PostgreSqlConnectionString;
                }
            });
        return services;
    }
}
