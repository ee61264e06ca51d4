using System.Threading.Channels;
using DataCenterOps.Monitoring.LiveState;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Monitoring.Alarms;

/// <summary>The other nodes' side: changes they stored arrive here, and after a lost connection the store's open alarms are reloaded.</summary>
public sealed partial class AlarmService
{
    /// <summary>
    /// Applies a change another node stored (read back from the shared database): the alarm as the database now holds
    /// it becomes this node's view. Subscribers hear it; <see cref="SubscribeStored"/> hears it unless it is a raise.
    /// </summary>
    internal void ApplyRemote(AlarmChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var alarm = change.Alarm;
        lock (_gate)
        {
            var key = (alarm.DeviceId, alarm.Key);
            if (alarm.IsCleared)
            {
                if (_active.TryGetValue(key, out var held) && held.Id == alarm.Id)
                {
                    _active.Remove(key);
                }
            }
            else
            {
                _active[key] = alarm;
            }
        }

        _notifier.Notify(change);
        if (change.Event.Kind != AlarmEventKind.Raised)
        {
            _stored.Notify(change);
        }
    }

    /// <summary>
    /// Makes the open alarms those of the store (after a lost connection to the other nodes, whose changes may have
    /// been missed), in order after every change queued before; alarms raised here and not yet stored are kept.
    /// </summary>
    internal Task ReloadAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _writes.Writer.TryWrite(new PendingWrite(null, null, done, Reload: true));
        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The store's open alarms become the active ones (raises not yet stored are kept); each difference is announced.</summary>
    private async Task ReloadFromStoreAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Alarm> open;
        try
        {
            open = await _store.LoadOpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException ex)
        {
            LogReloadFailed(_logger, ex);
            return;
        }

        var changes = new List<(AlarmChange Change, bool Stored)>();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var byKey = open.ToDictionary(a => (a.DeviceId, a.Key));
            foreach (var (key, held) in _active.ToList())
            {
                if (!byKey.ContainsKey(key) && !_unstoredRaises.Contains(held.Id))
                {
                    _active.Remove(key);
                    var cleared = held with { ClearedAt = now };
                    changes.Add((new AlarmChange(cleared, Event(cleared, AlarmEventKind.Cleared, now)), true));
                }
            }

            foreach (var (key, stored) in byKey)
            {
                var held = _active.GetValueOrDefault(key);
                // Times are not compared: the database keeps microseconds. An acknowledgement is who and why.
                var sameAck = held is not null && held.IsAcknowledged == stored.IsAcknowledged
                    && held.AcknowledgedBy == stored.AcknowledgedBy && held.AcknowledgeComment == stored.AcknowledgeComment;
                if (held is not null && held.Id == stored.Id && held.Severity == stored.Severity && sameAck)
                {
                    continue;
                }

                _active[key] = stored;
                var kind = held is null || held.Id != stored.Id ? AlarmEventKind.Raised
                    : !sameAck ? AlarmEventKind.Acknowledged
                    : AlarmEventKind.SeverityChanged;
                changes.Add((new AlarmChange(stored, Event(stored, kind, now)), kind != AlarmEventKind.Raised));
            }
        }

        foreach (var (change, stored) in changes)
        {
            _notifier.Notify(change);
            if (stored)
            {
                _stored.Notify(change);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading the open alarms failed")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}
