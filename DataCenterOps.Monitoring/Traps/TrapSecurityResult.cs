namespace DataCenterOps.Monitoring.Traps;

/// <summary>
/// What an <see cref="ITrapSecurityProcessor"/> made of a datagram: the notification, who sent it, and (opaque to the
/// receiver) what the processor needs to answer an inform — e.g. a v3 message id, engine id and keys.
/// </summary>
public sealed class TrapSecurityResult(TrapNotification notification, TrapPrincipal principal, object? securityState = null)
{
    public TrapNotification Notification { get; } = notification;

    public TrapPrincipal Principal { get; } = principal;

    public object? SecurityState { get; } = securityState;
}
