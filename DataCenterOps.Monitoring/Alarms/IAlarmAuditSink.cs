namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// Hears every alarm event after it is stored in monitoring.db, so that the Web can mirror it into the Domain audit
/// log. Register any number as singletons; a failing sink is logged and does not stop the others.
/// </summary>
public interface IAlarmAuditSink
{
    Task WriteAsync(AlarmEvent alarmEvent, CancellationToken cancellationToken);
}
