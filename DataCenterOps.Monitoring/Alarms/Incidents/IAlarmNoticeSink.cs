namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// A notification channel (e-mail, webhook, Telegram …), implemented by the host. Register any number as singletons;
/// each notice is handed to every sink, and a failing sink is logged and does not stop the others.
/// </summary>
public interface IAlarmNoticeSink
{
    Task SendAsync(AlarmNotice notice, CancellationToken cancellationToken);
}
