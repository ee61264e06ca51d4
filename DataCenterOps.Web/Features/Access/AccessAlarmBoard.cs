using System.Collections.Concurrent;
using DataCenterOps.Domain.Access;

namespace DataCenterOps.Web.Features.Access;

/// <summary>The access alarms active now, for the register page (the monitoring alarm service gets them too once connected).</summary>
public sealed class AccessAlarmBoard : IAccessAlarmSink
{
    private readonly ConcurrentDictionary<(string Source, string Key), AccessAlarm> _active = new();
    private readonly AccessChanges _changes = new();

    public IReadOnlyList<AccessAlarm> Active =>
        [.. _active.Values.OrderByDescending(a => a.Severity).ThenBy(a => a.RaisedAtUtc)];

    /// <summary>The access alarms active now at one site (its doors and its room): every screen is for one site.</summary>
    public IReadOnlyList<AccessAlarm> ActiveAt(Guid siteId) => [.. Active.Where(a => a.SiteId == siteId)];

    public IDisposable Subscribe(Action onChange) => _changes.Subscribe(onChange);

    public Task RaiseAsync(AccessAlarm alarm, CancellationToken cancellationToken)
    {
        _active[(alarm.Source, alarm.Key)] = alarm;
        _changes.Notify();
        return Task.CompletedTask;
    }

    public Task ClearAsync(AccessAlarm raised, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raised);
        if (_active.TryRemove((raised.Source, raised.Key), out _))
        {
            _changes.Notify();
        }

        return Task.CompletedTask;
    }
}
