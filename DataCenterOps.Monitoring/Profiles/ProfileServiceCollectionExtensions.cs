using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Profiles;

public static class ProfileServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="ProfileCatalog"/> singleton (shipped profiles plus Monitoring:ProfilesDirectory), checked at start.</summary>
    public static IServiceCollection AddDeviceProfiles(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ProfileCatalogOptions>().Bind(configuration.GetSection(ProfileCatalogOptions.SectionName));
        services.TryAddSingleton(sp => ProfileCatalog.Load(sp.GetRequiredService<IOptions<ProfileCatalogOptions>>().Value.ProfilesDirectory));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ProfileCatalogStartupCheck>());
        return services;
    }
}
