namespace DataCenterOps.Domain.Maintenance;

/// <summary>
/// The port to monitoring history for verified checklist items. The Domain knows no monitoring: the Web answers it from
/// the history store (as it answers monitoring's maintenance-window port from the paperwork).
/// </summary>
public interface IHistoryVerifier
{
    Task<HistoryEvidence> VerifyAsync(HistoryCheck check, CancellationToken cancellationToken);
}
