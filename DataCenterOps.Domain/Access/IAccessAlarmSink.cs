namespace DataCenterOps.Domain.Access;

/// <summary>Output port: where access alarms go (the page's board; at merge also the monitoring alarm service).</summary>
public interface IAccessAlarmSink
{
    Task RaiseAsync(AccessAlarm alarm, CancellationToken cancellationToken);

    Task ClearAsync(string source, string key, CancellationToken cancellationToken);
}
