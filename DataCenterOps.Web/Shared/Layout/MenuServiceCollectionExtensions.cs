using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataCenterOps.Web.Shared.Layout;

public static class MenuServiceCollectionExtensions
{
    /// <summary>Adds a feature's part of the menu (once, however often it is called).</summary>
    public static IServiceCollection AddMenuPart<TPart>(this IServiceCollection services)
        where TPart : class, IMenuPart
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMenuPart, TPart>());
        return services;
    }
}
