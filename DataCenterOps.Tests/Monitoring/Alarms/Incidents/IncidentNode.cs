using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Tests.Monitoring.Alarms.Incidents;

/// <summary>
/// One node's alarm side as the app wires it: an alarm service on a store, the notification engine and the incident
/// pipeline on an incident store, fed the stored alarm changes in order as the notification monitor feeds them.
/// Disposing it is the node stopping (or dying): a new one over the same stores is the restart.
/// </summary>
internal sealed class IncidentNode : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writer;
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();
    private readonly List<AlarmChange> _pending = [];
    private readonly IncidentPipeline _pipeline;

    private IncidentNode(IAlarmStore alarms, IIncidentStore incidents, FakeTimeProvider time, Func<string, string>? siteOf)
    {
        Time = time;
        Alarms = new AlarmService(alarms, time, [], NullLogger<AlarmService>.Instance);
        Incidents = new IncidentService(incidents, Alarms, time);
        Engine = new AlarmNotificationEngine(IncidentRules.Shipped, new NoMaintenanceWindows(), Options.Create(new AlarmNotificationOptions()), time, siteOf);
        _pipeline = new IncidentPipeline(Engine, incidents, Incidents, NullLogger<IncidentPipeline>.Instance);
        _subscription = Alarms.SubscribeStored(change =>
        {
            lock (_gate)
            {
                _pending.Add(change);
            }
        });
        _writer = Alarms.RunWriterAsync(_stop.Token);
    }

    public FakeTimeProvider Time { get; }

    public AlarmService Alarms { get; }

    public IncidentService Incidents { get; }

    public AlarmNotificationEngine Engine { get; }

    /// <summary>Every notice this node sent, in order.</summary>
    public List<AlarmNotice> Sent { get; } = [];

    /// <summary>Starts a node as the app does: open alarms loaded, then the store's open incidents continued.</summary>
    public static async Task<IncidentNode> StartAsync(IAlarmStore alarms, IIncidentStore incidents, FakeTimeProvider time, Func<string, string>? siteOf = null)
    {
        var node = new IncidentNode(alarms, incidents, time, siteOf);
        await node.Alarms.LoadAsync(CancellationToken.None);
        node.Sent.AddRange(await node._pipeline.RestoreAsync(node.Alarms.GetActive(), CancellationToken.None));
        return node;
    }

    public void Raise(string deviceId, string key, AlarmSeverity severity = AlarmSeverity.Critical) =>
        Alarms.Apply(deviceId, [AlarmCondition.Active(key, severity, key + " on " + deviceId)], complete: false);

    public void Clear(string deviceId, string key) => Alarms.Apply(deviceId, [AlarmCondition.Inactive(key)], complete: false);

    /// <summary>Waits until every alarm change so far is stored, then runs each through the pipeline; returns what was sent.</summary>
    public async Task<IReadOnlyList<AlarmNotice>> SettleAsync()
    {
        Time.Advance(TimeSpan.FromSeconds(10));
        await Alarms.GetHistoryAsync(new AlarmHistoryFilter(Limit: 1), CancellationToken.None);
        List<AlarmChange> changes;
        lock (_gate)
        {
            changes = [.. _pending];
            _pending.Clear();
        }

        var sent = new List<AlarmNotice>();
        foreach (var change in changes)
        {
            sent.AddRange(await _pipeline.OnChangeAsync(change, CancellationToken.None));
        }

        Sent.AddRange(sent);
        return sent;
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _stop.CancelAsync();
        await _writer;
        _stop.Dispose();
    }
}
