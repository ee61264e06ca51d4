using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataCenterOps.Monitoring.Snmp;

public static class SnmpServiceCollectionExtensions
{
    /// <summary>Registers one shared <see cref="SnmpClient"/> (one UDP socket for every agent).</summary>
    public static IServiceCollection AddSnmpClient(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SnmpClient>(sp => new SnmpClient(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<SnmpClient>>()));
        return services;
    }
}
