using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Traps;

public static class TrapServiceCollectionExtensions
{
    /// <summary>
    /// Registers the trap receiver (<c>Monitoring:Traps</c>, validated at start), <see cref="TrapLog"/>,
    /// <see cref="TrapStatistics"/>, the v1/v2c community security processor and the SNMPv3 USM one. Called by
    /// AddMonitoring, which also provides what the receiver records into (poll requests, alarms). With
    /// <paramref name="receive"/> false the receiver is registered but the caller starts it (AddMonitoring: on Poller nodes only).
    /// </summary>
    public static IServiceCollection AddTrapReceiver(this IServiceCollection services, IConfiguration configuration, bool receive = true)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TrapOptions>()
            .Bind(configuration.GetSection(TrapOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrapOptions>, TrapOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITrapSecurityProcessor, CommunityTrapSecurityProcessor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITrapSecurityProcessor, UsmTrapSecurityProcessor>());
        services.TryAddSingleton<TrapLog>();
        services.TryAddSingleton<TrapStatistics>();
        services.TryAddSingleton<TrapReceiver>();
        if (receive)
        {
            services.AddHostedService(sp => sp.GetRequiredService<TrapReceiver>());
        }

        return services;
    }
}
