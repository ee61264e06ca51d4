using DataCenterOps.Domain.Access;
using DataCenterOps.Web.Shared.Layout;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataCenterOps.Web.Features.Access;

public static class AccessRegisterExtensions
{
    /// <summary>
    /// The DC-room access register: options (section "Access"), door cross-check worker, alarm board,
    /// texts. Needs the domain (AddDomain) registered too. Door events come in through <see cref="DoorCorrelationService.Post"/>;
    /// alarms go out to every registered <see cref="IAccessAlarmSink"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAccessRegister(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // The register's rules and services come with the Domain (AddDomain); the web adds the board, the worker, the texts.
        services.AddSingleton<AccessAlarmBoard>();
        services.AddSingleton<IAccessAlarmSink>(sp => sp.GetRequiredService<AccessAlarmBoard>());
        services.AddHostedService<DoorCorrelationWorker>();
        services.AddMenuPart<AccessMenu>();
        services.AddUiLocalization();
        return builder;
    }

    /// <summary>Connects the register to monitoring: door changes in, access alarms out among the room's alarms.</summary>
    public static IHostApplicationBuilder AddAccessMonitoringBridge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IAccessAlarmSink, MonitoringAccessAlarmSink>();
        builder.Services.AddHostedService<DoorEventBridge>();
        return builder;
    }

    /// <summary>JSON endpoints under /api/access (register staff, visitors and tenant visits, exit, correct, void) and the CSV/PDF exports of the log.</summary>
    public static IEndpointRouteBuilder MapAccessRegister(this IEndpointRouteBuilder endpoints)
    {
        AccessEndpoints.Map(endpoints);
        TenantVisitEndpoints.Map(endpoints);
        return endpoints;
    }
}
