using System.Threading.Channels;
using DataCenterOps.Monitoring.LiveState;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// Active alarms in memory, every change stored (alarms + alarm_events, the audit trail: monitoring.db, or the
/// PostgreSQL database the nodes share) by one writer in order, then passed to <see cref="IAlarmAuditSink"/>s.
/// Subscribers hear each change at once; <see cref="SubscribeStored"/> hears it once the store accepted it. On a shared
/// database another node may have raised, cleared or acknowledged the alarm first: then this node's change is dropped
/// and its view follows the database; other nodes' changes arrive through <see cref="ApplyRemote"/>.
/// </summary>
public sealed partial class AlarmService
{
    /// <summary>The actor recorded for changes the rules make.</summary>
    public const string SystemActor = "system";

    private readonly Lock _gate = new();
    private readonly Dictionary<(string DeviceId, string Key), Alarm> _active = [];
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly ChangeNotifier<AlarmChange> _notifier;
    private readonly ChangeNotifier<AlarmChange> _stored;
    private readonly HashSet<Guid> _unstoredRaises = [];
    private readonly IAlarmStore _store;
    private readonly TimeProvider _time;
    private readonly IAlarmAuditSink[] _sinks;
    private readonly ILogger<AlarmService> _logger;

    internal AlarmService(IAlarmStore store, TimeProvider time, IEnumerable<IAlarmAuditSink> sinks, ILogger<AlarmService> logger)
    {
        _store = store;
        _time = time;
        _sinks = [.. sinks];
        _logger = logger;
        _notifier = new ChangeNotifier<AlarmChange>(ex => LogSubscriberFailed(_logger, ex));
        _stored = new ChangeNotifier<AlarmChange>(ex => LogSubscriberFailed(_logger, ex));
    }

    /// <summary>Active (raised or acknowledged, not cleared) alarms, critical first, then oldest first.</summary>
    public IReadOnlyList<Alarm> GetActive()
    {
        lock (_gate)
        {
            return [.. _active.Values.OrderByDescending(a => a.Severity).ThenBy(a => a.RaisedAt).ThenBy(a => a.DeviceId, StringComparer.Ordinal)];
        }
    }

    /// <summary>Called on every alarm change; dispose the result to stop. Handlers must be short (dashboards: InvokeAsync).</summary>
    public IDisposable Subscribe(Action<AlarmChange> onChange) => _notifier.Subscribe(onChange);

    /// <summary>
    /// Called, on the writer's loop, for each change this node stored and that took effect (the database accepted this
    /// node's raise, clear, acknowledgement), and for other nodes' changes except raises: so the node that raised an
    /// alarm follows it to its end, and across nodes each notification is sent once. Handlers must be short.
    /// </summary>
    public IDisposable SubscribeStored(Action<AlarmChange> onStored) => _stored.Subscribe(onStored);

    /// <summary>Acknowledges an active alarm; returns once the acknowledgement is stored.</summary>
    /// <exception cref="AlarmOperationException">The alarm is not active or already acknowledged.</exception>
    public Task<Alarm> AcknowledgeAsync(Guid alarmId, string user, string? comment, CancellationToken cancellationToken) =>
        AcknowledgeCoreAsync(alarmId, user, null, comment, cancellationToken);

    /// <summary>
    /// Acknowledges an active alarm as a person: <paramref name="user"/> is the account (the audit trail's actor),
    /// <paramref name="displayName"/> the name screens show. A comment is required.
    /// </summary>
    /// <exception cref="AlarmOperationException">No comment, or the alarm is not active or already acknowledged.</exception>
    public Task<Alarm> AcknowledgeAsync(Guid alarmId, string user, string displayName, string? comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new AlarmOperationException("Acknowledging an alarm needs a comment.", "CommentRequired");
        }

        return AcknowledgeCoreAsync(alarmId, user, displayName.Trim(), comment, cancellationToken);
    }

    private async Task<Alarm> AcknowledgeCoreAsync(Guid alarmId, string user, string? displayName, string? comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        AlarmChange change;
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var alarm = _active.Values.FirstOrDefault(a => a.Id == alarmId)
                ?? throw new AlarmOperationException("This alarm is not active any more; it may have cleared.", "NotActive");
            if (alarm.IsAcknowledged)
            {
                throw new AlarmOperationException($"This alarm was already acknowledged by {alarm.AcknowledgedBy}.", "AlreadyAcknowledged", alarm.AcknowledgedByName ?? alarm.AcknowledgedBy ?? "");
            }

            var now = _time.GetUtcNow();
            var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
            var acknowledged = alarm with { AcknowledgedBy = user, AcknowledgedByName = displayName, AcknowledgedAt = now, AcknowledgeComment = text };
            _active[(alarm.DeviceId, alarm.Key)] = acknowledged;
            change = Record(acknowledged, AlarmEventKind.Acknowledged, user, now, text, done);
        }

        _notifier.Notify(change);
        if (!await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            // Another node cleared or acknowledged it first; this node's view now follows the database.
            Alarm? now;
            lock (_gate)
            {
                now = _active.Values.FirstOrDefault(a => a.Id == alarmId);
            }

            throw now is { IsAcknowledged: true }
                ? new AlarmOperationException($"This alarm was already acknowledged by {now.AcknowledgedBy}.", "AlreadyAcknowledged", now.AcknowledgedByName ?? now.AcknowledgedBy ?? "")
                : new AlarmOperationException("This alarm is not active any more; it may have cleared.", "NotActive");
        }

        return change.Alarm;
    }

    /// <summary>Alarms from monitoring.db (active and cleared), newest first; includes every change made before the call.</summary>
    public async Task<IReadOnlyList<Alarm>> GetHistoryAsync(AlarmHistoryFilter filter, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return await _store.LoadHistoryAsync(filter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every event of one alarm, oldest first.</summary>
    public async Task<IReadOnlyList<AlarmEvent>> GetEventsAsync(Guid alarmId, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return await _store.LoadEventsAsync(alarmId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Raises, escalates or clears one alarm owned by a rule outside monitoring (the access register's door
    /// cross-check). <paramref name="source"/> must not be a polled device id, whose evaluation would clear it.
    /// </summary>
    public void SetExternal(string source, AlarmCondition condition) => Apply(source, [condition], complete: false);

    /// <summary>
    /// Records in the alarm history that <paramref name="deviceId"/> sent the notification <paramref name="trapName"/>:
    /// one alarm (key <c>trap.NAME</c>, warning) raised and cleared at once, with one <see cref="AlarmEventKind.Trap"/>
    /// event. It is never active, so the rules and the active list are untouched.
    /// </summary>
    public void RecordTrap(string deviceId, string trapName, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentException.ThrowIfNullOrEmpty(trapName);
        var now = _time.GetUtcNow();
        var alarm = new Alarm(Guid.CreateVersion7(now), deviceId, AlarmKeys.Trap(trapName), AlarmSeverity.Warning, message, now, ClearedAt: now);
        _writes.Writer.TryWrite(new PendingWrite(alarm, new AlarmEvent(alarm.Id, deviceId, alarm.Key, AlarmEventKind.Trap, alarm.Severity, SystemActor, now, null), null));
    }

    /// <summary>
    /// Applies one device's evaluated conditions: raises, escalates or clears. With <paramref name="complete"/> false
    /// (device not answering) alarms not named in <paramref name="conditions"/> are left alone.
    /// </summary>
    internal void Apply(string deviceId, IReadOnlyList<AlarmCondition> conditions, bool complete)
    {
        var changes = new List<AlarmChange>();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var named = new HashSet<string>(StringComparer.Ordinal);
            foreach (var condition in conditions)
            {
                named.Add(condition.Key);
                if (!condition.Known)
                {
                    continue;
                }

                var existing = _active.GetValueOrDefault((deviceId, condition.Key));
                if (condition.Severity is { } severity)
                {
                    if (existing is null)
                    {
                        var raised = new Alarm(Guid.CreateVersion7(now), deviceId, condition.Key, severity, condition.Message, now)
                        {
                            MessageKey = condition.MessageKey,
                            MessageArguments = condition.MessageArguments,
                        };
                        _active[(deviceId, condition.Key)] = raised;
                        _unstoredRaises.Add(raised.Id);
                        changes.Add(Record(raised, AlarmEventKind.Raised, SystemActor, now, null, null));
                    }
                    else if (existing.Severity != severity)
                    {
                        var changed = existing with
                        {
                            Severity = severity,
                            Message = condition.Message,
                            MessageKey = condition.MessageKey,
                            MessageArguments = condition.MessageArguments,
                        };
                        _active[(deviceId, condition.Key)] = changed;
                        changes.Add(Record(changed, AlarmEventKind.SeverityChanged, SystemActor, now, null, null));
                    }
                }
                else if (existing is not null)
                {
                    changes.Add(Clear(existing, now));
                }
            }

            if (complete)
            {
                foreach (var orphan in _active.Values.Where(a => a.DeviceId == deviceId && !named.Contains(a.Key)).ToList())
                {
                    changes.Add(Clear(orphan, now));
                }
            }
        }

        foreach (var change in changes)
        {
            _notifier.Notify(change);
        }
    }

    /// <summary>Loads the alarms still open from a previous run, so the rules clear them when their condition has gone.</summary>
    internal async Task LoadAsync(CancellationToken cancellationToken)
    {
        var open = await _store.LoadOpenAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var alarm in open)
            {
                _active[(alarm.DeviceId, alarm.Key)] = alarm;
            }
        }
    }

    /// <summary>Stores changes in order until cancelled, then drains what is left.</summary>
    internal async Task RunWriterAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var write in _writes.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await StoreAsync(write, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: one last attempt for each change still queued.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            while (_writes.Reader.TryRead(out var write))
            {
                await StoreAsync(write, grace.Token).ConfigureAwait(false);
            }
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _writes.Writer.TryWrite(new PendingWrite(null, null, done));
        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private AlarmChange Clear(Alarm alarm, DateTimeOffset now)
    {
        var cleared = alarm with { ClearedAt = now };
        _active.Remove((alarm.DeviceId, alarm.Key));
        return Record(cleared, AlarmEventKind.Cleared, SystemActor, now, null, null);
    }

    private AlarmChange Record(Alarm alarm, AlarmEventKind kind, string actor, DateTimeOffset now, string? comment, TaskCompletionSource<bool>? done)
    {
        var alarmEvent = new AlarmEvent(alarm.Id, alarm.DeviceId, alarm.Key, kind, alarm.Severity, actor, now, comment);
        _writes.Writer.TryWrite(new PendingWrite(alarm, alarmEvent, done));
        if (kind != AlarmEventKind.Acknowledged)
        {
            LogAlarmChanged(_logger, kind, alarm.DeviceId, alarm.Key, alarm.Severity, alarm.Message);
        }

        return new AlarmChange(alarm, alarmEvent);
    }

    private async Task StoreAsync(PendingWrite write, CancellationToken cancellationToken)
    {
        var applied = true;
        if (write.Reload)
        {
            await ReloadFromStoreAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (write.Alarm is { } alarm && write.Event is { } alarmEvent)
        {
            applied = await SaveWithRetryAsync(alarm, alarmEvent, cancellationToken).ConfigureAwait(false);
            if (alarmEvent.Kind == AlarmEventKind.Raised)
            {
                lock (_gate)
                {
                    _unstoredRaises.Remove(alarm.Id);
                }
            }

            if (!applied)
            {
                LogChangeNotApplied(_logger, alarmEvent.Kind, alarm.DeviceId, alarm.Key);
                await ReloadFromStoreAsync(cancellationToken).ConfigureAwait(false);
                write.Done?.TrySetResult(false);
                return;
            }

            _stored.Notify(new AlarmChange(alarm, alarmEvent));
            foreach (var sink in _sinks)
            {
                try
                {
                    await sink.WriteAsync(alarmEvent, cancellationToken).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A failing mirror must not stop alarm storage.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogSinkFailed(_logger, sink.GetType().Name, ex);
                }
            }
        }

        write.Done?.TrySetResult(applied);
    }

    private static AlarmEvent Event(Alarm alarm, AlarmEventKind kind, DateTimeOffset at) =>
        new(alarm.Id, alarm.DeviceId, alarm.Key, kind, alarm.Severity, SystemActor, at, null);

    private async Task<bool> SaveWithRetryAsync(Alarm alarm, AlarmEvent alarmEvent, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await _store.SaveAsync(alarm, alarmEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Data.Common.DbException ex)
            {
                LogStoreRetry(_logger, delay.TotalMilliseconds, ex);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5_000));
            }
        }
    }

    private sealed record PendingWrite(Alarm? Alarm, AlarmEvent? Event, TaskCompletionSource<bool>? Done, bool Reload = false);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alarm change {Kind} of {DeviceId} {Key} not applied: the shared database holds another node's; following it")]
    private static partial void LogChangeNotApplied(ILogger logger, AlarmEventKind kind, string deviceId, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alarm {Kind}: {DeviceId} {Key} ({Severity}) {Message}")]
    private static partial void LogAlarmChanged(ILogger logger, AlarmEventKind kind, string deviceId, string key, AlarmSeverity severity, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing an alarm change failed; retrying in {DelayMs} ms")]
    private static partial void LogStoreRetry(ILogger logger, double delayMs, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alarm audit sink {Sink} failed")]
    private static partial void LogSinkFailed(ILogger logger, string sink, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "An alarm subscriber failed")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);
}
