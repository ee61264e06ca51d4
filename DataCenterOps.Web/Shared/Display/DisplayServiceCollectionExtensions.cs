using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataCenterOps.Web.Shared.Display;

public static class DisplayServiceCollectionExtensions
{
    /// <summary>The one <see cref="DisplayOptions"/> and <see cref="DisplayClock"/>.</summary>
    public static IServiceCollection AddDisplayClock(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DisplayOptions>().BindConfiguration(DisplayOptions.SectionName).ValidateDataAnnotations()
            .Validate(
                o => o.AlarmSound is { RepeatSeconds: >= 5 and <= 3600 },
                "Display:AlarmSound:RepeatSeconds must be 5–3600.")
            .ValidateOnStart();
        services.TryAddSingleton<DisplayClock>();
        return services;
    }
}
