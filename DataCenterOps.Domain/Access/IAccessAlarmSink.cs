namespace DataCenterOps.Domain.Access;

/// <summary>Output port: where access alarms go (the page's board, the monitoring alarm service).</summary>
public interface IAccessAlarmSink
{
    Task RaiseAsync(AccessAlarm alarm, CancellationToken cancellationToken);

    /// <summary>Clears <paramref name="raised"/>, the alarm as it was raised (its source, key, site and room source).</summary>
    Task ClearAsync(AccessAlarm raised, CancellationToken cancellationToken);
}
