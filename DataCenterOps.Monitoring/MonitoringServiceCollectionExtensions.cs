using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Monitoring.Api;
using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Metrics;
using DataCenterOps.Monitoring.Polling;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Traps;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring;

/// <summary>Registers the monitoring service: options, device readers, poller, live state, alarms, history, the trap receiver, and the simulated room.</summary>
public static class MonitoringServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddMonitoring(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<MonitoringOptions>()
            .BindConfiguration(MonitoringOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MonitoringOptions>, MonitoringOptionsValidator>();
        services.AddOptions<NodeOptions>().BindConfiguration(NodeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SharedDatabase>();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName);
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName);

        services.AddSingleton<DeviceCatalog>();
        services.AddSingleton<LiveStateStore>();
        services.AddSingleton<MonitoringDatabase>();
        // History in monitoring.db, or in the shared PostgreSQL database when there is one (Storage:Provider PostgreSql).
        services.TryAddSingleton<IHistoryWriteFence, OpenHistoryWriteFence>();
        services.AddSingleton<IHistoryStore>(sp => sp.GetRequiredService<SharedDatabase>().IsConfigured
            ? new PostgresHistoryStore(sp.GetRequiredService<SharedDatabase>(), sp.GetRequiredService<IOptions<MonitoringOptions>>(), sp.GetRequiredService<IHistoryWriteFence>())
            : new SqliteHistoryStore(sp.GetRequiredService<MonitoringDatabase>(), sp.GetRequiredService<IOptions<MonitoringOptions>>()));
        services.AddSingleton(sp => new HistoryQuery(sp.GetRequiredService<IHistoryStore>()));
        services.AddSingleton(sp => new HistoryWriter(
            sp.GetRequiredService<IHistoryStore>(), sp.GetRequiredService<IOptions<MonitoringOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<HistoryWriter>>()));
        services.AddSingleton(sp => new HistoryMaintenance(
            sp.GetRequiredService<IHistoryStore>(), sp.GetRequiredService<HistoryWriter>(), sp.GetRequiredService<IOptions<MonitoringOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<HistoryMaintenance>>()));
        services.AddSingleton<AlarmEvaluator>();
        services.AddSingleton(sp => new AlarmStore(sp.GetRequiredService<MonitoringDatabase>()));
        services.AddSingleton(sp => new AlarmService(
            sp.GetRequiredService<AlarmStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<IAlarmAuditSink>(),
            sp.GetRequiredService<ILogger<AlarmService>>()));
        services.AddSingleton<PollRequests>();
        services.AddOptions<AlarmNotificationOptions>().BindConfiguration(AlarmNotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IMaintenanceWindows, NoMaintenanceWindows>();
        services.AddSingleton(sp => new AlarmNotificationEngine(
            IncidentRules.Shipped,
            sp.GetRequiredService<IMaintenanceWindows>(),
            sp.GetRequiredService<IOptions<AlarmNotificationOptions>>(),
            sp.GetRequiredService<TimeProvider>()));

        services.AddDeviceProfiles(builder.Configuration);
        services.AddSnmpClient();
        services.AddSingleton<IDeviceReader, SnmpDeviceReader>();
        services.AddSingleton<IDeviceReader, ModbusDeviceReader>();

        // The simulated room (Simulator:Enabled) starts before the poller; AddSimulator is safe to call again.
        services.AddSimulator(builder.Configuration);

        // Start order matters: open alarms are loaded and the writers run before the first poll.
        services.AddHostedService(sp => new AlarmMonitor(
            sp.GetRequiredService<LiveStateStore>(),
            sp.GetRequiredService<AlarmEvaluator>(),
            sp.GetRequiredService<AlarmService>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<AlarmNotificationMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<HistoryWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<HistoryMaintenance>());
        services.AddHostedService<DevicePoller>();

        // After the poller: a trap asks it for an immediate poll (Monitoring:Traps).
        services.AddTrapReceiver(builder.Configuration);
        return builder;
    }
}
