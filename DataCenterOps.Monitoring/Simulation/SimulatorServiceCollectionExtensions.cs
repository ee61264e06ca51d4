using DataCenterOps.Monitoring.Profiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Simulation;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the simulated room (<see cref="SimulatedRoom"/>, <see cref="ISimulatorControl"/>) and the hosted
    /// service that serves it over SNMP and Modbus TCP when Simulator:Enabled is true. Also registers the
    /// device profiles it needs.
    /// </summary>
    public static IServiceCollection AddSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDeviceProfiles(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SimulatorOptions>()
            .Bind(configuration.GetSection(SimulatorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<SimulatorOptions>, SimulatorDevicesFileSetup>());
        services.TryAddSingleton<SimulatedRoom>();
        services.TryAddSingleton<ISimulatorControl>(sp => sp.GetRequiredService<SimulatedRoom>());
        services.TryAddSingleton<SimulatorHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<SimulatorHostedService>());
        services.AddHostedService<SimulatorTrapSender>();
        return services;
    }

    /// <inheritdoc cref="AddSimulator(IServiceCollection, IConfiguration)"/>
    public static IHostApplicationBuilder AddSimulator(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSimulator(builder.Configuration);
        return builder;
    }
}
