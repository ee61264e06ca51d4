using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Domain.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The routine's domain services (schedules, due checks, compliance); needs the Domain's DbContext.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddScoped<DueCheckPlanner>();
        // Needs IMeterReadings (the Web answers it from monitoring history).
        services.AddScoped<MeterDueChecks>();
        services.AddScoped<DueCheckService>();
        services.AddScoped<ComplianceService>();
        services.AddScoped<ScheduleService>();
        services.AddScoped<NotificationQueries>();
        services.AddScoped<NotificationOutbox>();
        services.AddScoped<RoutineQueries>();
        return services;
    }
}
