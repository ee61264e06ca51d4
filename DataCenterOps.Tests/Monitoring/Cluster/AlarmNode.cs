using System.Collections.Concurrent;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.Devices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Monitoring.Cluster;

/// <summary>One node's alarm service on the shared PostgreSQL store, its writer running; records what it stored.</summary>
internal sealed class AlarmNode : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writer;
    private readonly IDisposable _subscription;

    public AlarmNode(string name, string connectionString)
    {
        Database = new SharedDatabase(Options.Create(new MonitoringOptions { PostgreSqlConnectionString = connectionString }));
        Store = new PostgreSqlAlarmStore(Database, Options.Create(new NodeOptions { Name = name }));
        Alarms = new AlarmService(Store, TimeProvider.System, [], NullLogger<AlarmService>.Instance);
        _subscription = Alarms.SubscribeStored(Stored.Enqueue);
        _writer = Alarms.RunWriterAsync(_stop.Token);
    }

    public SharedDatabase Database { get; }

    public PostgreSqlAlarmStore Store { get; }

    public AlarmService Alarms { get; }

    /// <summary>Changes this node's store accepted (and other nodes' non-raise changes it applied).</summary>
    public ConcurrentQueue<AlarmChange> Stored { get; } = new();

    /// <summary>Waits until every change queued so far is stored.</summary>
    public Task FlushAsync() => Alarms.GetHistoryAsync(new AlarmHistoryFilter(Limit: 1), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _stop.CancelAsync();
        await _writer;
        _stop.Dispose();
        await Database.DisposeAsync();
    }
}
