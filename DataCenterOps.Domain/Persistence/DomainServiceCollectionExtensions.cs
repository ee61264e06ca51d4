using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Reports;
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
        services.PostConfigure<SopOptions>(o =>
        {
            // One display zone for the whole app unless the SOP section names its own.
            var display = configuration["Display:TimeZone"];
            if (!string.IsNullOrWhiteSpace(display) && configuration[$"{SopOptions.SectionName}:TimeZone"] is null)
            {
                o.TimeZone = display;
            }
        });

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqlitePragmaInterceptor>();
        services.AddDbContextFactory<DataCenterOpsDbContext>((sp, options) =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            PrivateFile.EnsureSqlite(storage.DatabasePath);
            options.UseSqlite(storage.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>());
        });
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<DataCenterOpsDbContext>>().CreateDbContext());

        services.AddScoped<AuditLog>();
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
