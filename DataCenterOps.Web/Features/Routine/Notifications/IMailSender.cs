namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>Sends one email or throws; the caller decides about retries.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
