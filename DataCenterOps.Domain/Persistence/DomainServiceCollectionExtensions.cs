using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Domain.Sla;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Persistence;

public static class DomainServiceCollectionExtensions
{
    /// <summary>The SOP domain and its database: options, DbContext (+ factory), workflow services.</summary>
    public static IHostApplicationBuilder AddDomain(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataCenterOpsDomain(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddDataCenterOpsDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SopOptions>().BindConfiguration(SopOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqlitePragmaInterceptor>();
        services.AddDbContextFactory<DataCenterOpsDbContext>((sp, options) =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            Directory.CreateDirectory(Path.GetDirectoryName(storage.DatabasePath)!);
            options.UseSqlite(storage.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>());
        });
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<DataCenterOpsDbContext>>().CreateDbContext());

        services.AddScoped<AuditLog>();
        services.AddScoped<PeopleDirectory>();
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AccessChanges>();
        services.AddScoped<AccessRegisterService>();
        services.AddScoped<AccessGrantService>();
        services.AddScoped<AccessReviewService>();
        services.AddSingleton<DoorCorrelationService>();
        services.AddScheduling();
        services.AddScoped<LetterQueries>();
        services.AddScoped<WorkQueries>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<EquipmentQueries>();
        services.AddScoped<EquipmentRegistry>();
        services.AddScoped<AssignmentLetterService>();
        services.AddScoped<WorkPlanService>();
        services.AddScoped<ChecklistService>();
        services.AddScoped<ReportService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<ArchiveService>();
        services.AddScoped<SopBoardService>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
