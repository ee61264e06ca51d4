namespace DataCenterOps.Domain.Access;

/// <summary>Output port: where access alarms go (the page's board, the monitoring alarm service).</summary>
public interface IAccessAlarmSink
{
    Task RaiseAsync(AccessAlarm alarm, CancellationToken cancellationToken);

    /// <summary>Clears <paramref name="raised"/>, the alarm as it was raised (its source, key, site and room source).</summary>
    Task ClearAsync(AccessAlarm raised, CancellationToken cancellationToken);

    /// <summary>
    /// Once after a start, with every alarm the cross-check holds raised (as the database held them at
    /// <paramref name="asOfUtc"/>): a sink that keeps access alarms of its own across a restart clears those it holds
    /// that are not among them and were raised before then — raised by a version that did not store them, so that
    /// nothing would ever clear them. A sink that starts empty has nothing to do.
    /// </summary>
    Task ReconcileAsync(IReadOnlyCollection<AccessAlarm> held, DateTime asOfUtc, CancellationToken cancellationToken) => Task.CompletedTask;
}
