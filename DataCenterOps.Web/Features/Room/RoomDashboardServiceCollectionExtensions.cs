using DataCenterOps.Web.Shared.Layout;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Room;

/// <summary>Registers the room dashboard: one shared live room, its sparklines and PUE figures, display clock, room plan, maintenance status, texts.</summary>
public static class RoomDashboardServiceCollectionExtensions
{
    /// <summary>Needs <c>AddMonitoring()</c> (live state, alarms, history) and MudBlazor services.</summary>
    public static IHostApplicationBuilder AddRoomDashboard(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRoomDashboardServices();
        return builder;
    }

    internal static IServiceCollection AddRoomDashboardServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RoomPlanOptions>().BindConfiguration(RoomPlanOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RoomPlanOptions>, RoomPlanOptionsValidator>();
        services.AddSingleton<LiveRoomViewFactory>();
        services.AddSingleton<RoomSparklines>();
        services.AddSingleton<RoomPue>();
        services.TryAddSingleton<IRoomMaintenanceStatus, ChecklistMaintenanceStatus>();
        services.TryAddSingleton<IRoomEquipmentNames, RegistryEquipmentNames>();
        services.TryAddSingleton<IAlarmActorNames, PeopleAlarmActorNames>();
        services.AddSingleton<RoomNames>();
        // The layout's contracts: the alarm badge's counts, the top bar's name, the room's part of the menu.
        services.TryAddSingleton<IAlarmBadgeSource, RoomAlarmBadgeSource>();
        services.TryAddSingleton<IDisplayNames, AlarmActorDisplayNames>();
        services.AddMenuPart<RoomMenu>();
        // One name per device everywhere: monitoring's notices and API take the registry's names too.
        services.Replace(ServiceDescriptor.Singleton<IDeviceDisplayNames>(sp => sp.GetRequiredService<RoomNames>()));

        services.AddUiLocalization();
        return services;
    }
}
