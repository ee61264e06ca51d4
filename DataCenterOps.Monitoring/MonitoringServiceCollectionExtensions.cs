using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Monitoring.Api;
using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Energy;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Metrics;
using DataCenterOps.Monitoring.Physics;
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
        services.AddSingleton<IPostConfigureOptions<MonitoringOptions>, MonitoringDevicesFileSetup>();
        services.AddOptions<NodeOptions>().BindConfiguration(NodeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SharedDatabase>();
        services.AddSingleton<LeaseKeeper>();
        services.AddSingleton<IDeviceLeases>(sp => sp.GetRequiredService<SharedDatabase>().IsConfigured
            ? sp.GetRequiredService<LeaseKeeper>()
            : ActivatorUtilities.CreateInstance<SingleNodeLeases>(sp));
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName);
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName);

        services.AddSingleton<DeviceCatalog>();
        services.AddSingleton<LiveStateStore>();
        // The configured names, unless the host knows better ones (the web app: the equipment registry's).
        services.TryAddSingleton<IDeviceDisplayNames, ConfiguredDeviceNames>();
        services.AddSingleton<MonitoringDatabase>();
        // History in monitoring.db, or in the shared PostgreSQL database when there is one (Storage:Provider PostgreSql).
        // On the shared database the poller's lease epochs fence what is stored (a woken, stale node writes nothing).
        services.TryAddSingleton<IHistoryWriteFence>(sp => sp.GetRequiredService<SharedDatabase>().IsConfigured
            ? new LeaseHistoryWriteFence(sp.GetRequiredService<IOptions<NodeOptions>>())
            : new OpenHistoryWriteFence());
        services.AddSingleton<IHistoryStore>(sp => sp.GetRequiredService<SharedDatabase>().IsConfigured
            ? new PostgresHistoryStore(sp.GetRequiredService<SharedDatabase>(), sp.GetRequiredService<IOptions<MonitoringOptions>>(), sp.GetRequiredService<IHistoryWriteFence>())
            : new SqliteHistoryStore(sp.GetRequiredService<MonitoringDatabase>(), sp.GetRequiredService<IOptions<MonitoringOptions>>()));
        services.AddSingleton(sp => new HistoryQuery(sp.GetRequiredService<IHistoryStore>()));
        services.AddSingleton(sp => new HistoryWriter(
            sp.GetRequiredService<IHistoryStore>(), sp.GetRequiredService<IOptions<MonitoringOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<HistoryWriter>>()));
        services.AddSingleton(sp => new HistoryMaintenance(
            sp.GetRequiredService<IHistoryStore>(), sp.GetRequiredService<HistoryWriter>(), sp.GetRequiredService<IOptions<MonitoringOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<HistoryMaintenance>>()));
        services.AddOptions<RoomPhysicsOptions>().BindConfiguration(RoomPhysicsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TemperatureRates>();
        services.AddOptions<PueOptions>().BindConfiguration(PueOptions.SectionName);
        services.AddSingleton<PueCalculator>();
        services.AddSingleton<AlarmEvaluator>();
        // Alarms in monitoring.db, or in the database the nodes share (one active alarm per device and key across nodes).
        services.AddSingleton<IAlarmStore>(sp => sp.GetRequiredService<SharedDatabase>().IsConfigured
            ? new PostgreSqlAlarmStore(sp.GetRequiredService<SharedDatabase>(), sp.GetRequiredService<IOptions<NodeOptions>>())
            : new AlarmStore(sp.GetRequiredService<MonitoringDatabase>()));
        services.AddSingleton(sp => new AlarmService(
            sp.GetRequiredService<IAlarmStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<IAlarmAuditSink>(),
            sp.GetRequiredService<ILogger<AlarmService>>()));
        // Incidents beside the alarms they group (monitoring.db, or the shared database).
        services.AddSingleton<IIncidentStore>(sp => sp.GetRequiredService<SharedDatabase>().IsConfigured
            ? new PostgreSqlIncidentStore(sp.GetRequiredService<SharedDatabase>())
            : new SqliteIncidentStore(sp.GetRequiredService<MonitoringDatabase>()));
        services.AddSingleton(sp => new IncidentService(
            sp.GetRequiredService<IIncidentStore>(), sp.GetRequiredService<AlarmService>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PollRequests>();
        services.AddOptions<AlarmNotificationOptions>().BindConfiguration(AlarmNotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IMaintenanceWindows, NoMaintenanceWindows>();
        services.TryAddSingleton<Api.IDeviceSiteScope, Api.AllSitesScope>();
        // One open incident per rule and site: a device's (or a pseudo-device's, access:CODE) site as the API and /metrics name it.
        services.AddSingleton(sp =>
        {
            var liveState = sp.GetRequiredService<LiveStateStore>();
            var sites = sp.GetRequiredService<Api.IDeviceSiteScope>();
            return new AlarmNotificationEngine(
                IncidentRules.Shipped,
                sp.GetRequiredService<IMaintenanceWindows>(),
                sp.GetRequiredService<IOptions<AlarmNotificationOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                deviceId => sites.SiteOf(liveState.SiteCodeOf(deviceId)).ToUpperInvariant());
        });
        services.AddSingleton(sp => new IncidentPipeline(
            sp.GetRequiredService<AlarmNotificationEngine>(),
            sp.GetRequiredService<IIncidentStore>(),
            sp.GetRequiredService<IncidentService>(),
            sp.GetRequiredService<ILogger<IncidentPipeline>>()));

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
        // Shared database only (no-ops on SQLite): this node's polls out to the others, the others' live state and alarms in.
        services.AddHostedService<LiveStatePublisher>();
        services.AddHostedService<LiveStateListener>();
        services.AddHostedService(sp => sp.GetRequiredService<HistoryWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<HistoryMaintenance>());

        // Node:Roles without Poller: no leases, no polling, no trap receiver (its log and statistics stay for the pages).
        services.AddSingleton<DevicePoller>();
        // AddSingleton, not AddHostedService: that one de-duplicates by implementation type and would keep one gate only.
        services.AddSingleton<IHostedService>(sp => PollerOnly(sp, sp.GetRequiredService<LeaseKeeper>()));
        services.AddSingleton<IHostedService>(sp => PollerOnly(sp, sp.GetRequiredService<DevicePoller>()));

        // After the poller: a trap asks it for an immediate poll (Monitoring:Traps).
        services.AddTrapReceiver(builder.Configuration, receive: false);
        services.AddSingleton<IHostedService>(sp => PollerOnly(sp, sp.GetRequiredService<TrapReceiver>()));
        return builder;
    }

    private static NodeRoleGate PollerOnly(IServiceProvider services, IHostedService inner) =>
        new(NodeRoles.Poller, services.GetRequiredService<IOptions<NodeOptions>>(), inner);
}
