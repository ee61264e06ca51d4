using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Web.Features.Routine.Backup;
using DataCenterOps.Web.Features.Routine.Compliance;
using DataCenterOps.Web.Features.Routine.Dashboard;
using DataCenterOps.Web.Features.Routine.Jobs;
using DataCenterOps.Web.Features.Routine.Notifications;
using DataCenterOps.Web.Features.Routine.Sla;
using DataCenterOps.Web.Shared.Documents;
using DataCenterOps.Web.Shared.Hosting;
using DataCenterOps.Web.Shared.Layout;
using DataCenterOps.Web.Shared.Localization;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;


namespace DataCenterOps.Web.Features.Routine;

public static class RoutineRegistration
{
    /// <summary>
    /// The routine: schedules and due checks, SLA chasing with email, backup, retention, and (unless Hangfire:Enabled
    /// is false) Hangfire with its server, on SQLite storage or, with Storage:Provider PostgreSql, in the shared database. Needs the Domain (<c>AddDomain</c>) registered too.
    /// </summary>
    public static IHostApplicationBuilder AddRoutine(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RoutineOptions>().BindConfiguration(RoutineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HangfireSettings>().BindConfiguration(HangfireSettings.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddUiLocalization();
        services.AddMenuPart<RoutineMenu>();
        services.AddDocuments();
        services.TryAddSingleton<IMailSender, SmtpMailSender>();
        services.AddScoped<NotificationService>();
        services.AddScoped<OverdueScanner>();
        services.AddScoped<EscalationNotifier>();
        services.AddScoped<UnassignedNotifier>();
        services.AddScoped<ComplianceDocumentLoader>();
        services.AddSingleton<RoutineStatusService>();
        services.AddSingleton<BackupService>();
        services.AddScoped<ScheduleJob>();
        services.AddScoped<DataCenterOps.Domain.Maintenance.IHistoryVerifier, Meters.MonitoringHistoryVerifier>();
        services.AddScoped<DataCenterOps.Domain.Scheduling.IMeterReadings, Meters.MonitoringMeterReadings>();
        services.AddScoped<SweepJob>();
        services.AddScoped<SlaJob>();
        services.AddScoped<BackupJob>();
        services.AddScoped<RetentionJob>();
        services.AddScoped<EvidenceDigestJob>();
        services.AddScoped<QualificationExpiryJob>();
        services.AddScoped<RecurringJobRegistrar>();
        services.AddHostedService<InstanceLockService>();
        services.AddHostedService<RoutineStartup>();

        var hangfire = builder.Configuration.GetSection(HangfireSettings.SectionName).Get<HangfireSettings>() ?? new HangfireSettings();
        if (hangfire.Enabled)
        {
            AddHangfire(services);
        }

        return builder;
    }

    /// <summary>The Hangfire dashboard (Administrators and Supervisors only) and the compliance exports.</summary>
    public static IEndpointRouteBuilder MapRoutine(this IEndpointRouteBuilder app)
    {
        var settings = app.ServiceProvider.GetRequiredService<IOptions<HangfireSettings>>().Value;
        if (settings.Enabled)
        {
            app.MapHangfireDashboard(settings.DashboardPath, new DashboardOptions
            {
                Authorization = [],
                AsyncAuthorization = [new HangfirePolicyAuthorizationFilter(Policies.JobWatchers)],
                // Supervisors watch; only Administrators retry or delete jobs.
                IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Roles.Administrator),
                DashboardTitle = "DataCenterOps routine",
                AppPath = "/",
                DisplayStorageConnectionString = false,
            }).RequireAuthorization(Policies.JobWatchers);
        }

        ComplianceEndpoints.Map(app);
        return app;
    }

    private static void AddHangfire(IServiceCollection services)
    {
        // Our own storage instance in DI (not the static JobStorage.Current), so several hosts can live in one process.
        services.AddSingleton<JobStorage>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<HangfireSettings>>().Value;
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (storage.IsPostgreSql)
            {
                // The shared database, in a schema of its own (created on first use): every node's server takes jobs
                // from one queue, and Hangfire's distributed locks run each recurring occurrence once.
                var postgres = new PostgreSqlStorageOptions
                {
                    SchemaName = settings.PostgreSqlSchema,
                    QueuePollInterval = settings.QueuePollInterval,
                    PrepareSchemaIfNecessary = true,
                };
                return new PostgreSqlStorage(new NpgsqlConnectionFactory(storage.PostgreSqlConnectionString!, postgres), postgres);
            }

            var path = Path.Combine(Path.GetFullPath(storage.DataDirectory), settings.StorageFile);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = settings.QueuePollInterval });
        });
        // Likewise our own activator: Hangfire's default is the static JobActivator.Current, which the last host to
        // configure sets, so one host's server could build its jobs from another host's (by then disposed) services.
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new DisposalTolerantHangfireLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHangfireServer((sp, options) =>
        {
            var settings = sp.GetRequiredService<IOptions<HangfireSettings>>().Value;
            options.WorkerCount = settings.WorkerCount;
            options.SchedulePollingInterval = settings.SchedulePollingInterval;
        });

        // Node:Roles without Jobs: the storage and the dashboard stay (jobs are enqueued and watched), no server runs them here.
        var server = services.Last(d => d.ServiceType == typeof(IHostedService));
        services.Remove(server);
        services.AddSingleton<IHostedService>(sp => new NodeRoleGate(NodeRoles.Jobs, sp.GetRequiredService<IOptions<NodeOptions>>(),
            (IHostedService)(server.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, server.ImplementationType!))));
    }
}
