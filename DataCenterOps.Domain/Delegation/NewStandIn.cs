namespace DataCenterOps.Domain.Delegation;

/// <summary>What the Pengawas fills in to delegate his issuing and review.</summary>
public sealed record NewStandIn(string DelegateId, StandInKind Kind, DateTime FromUtc, DateTime UntilUtc, string Reason);
