namespace DataCenterOps.Domain.Scheduling;

/// <summary>What one planning run did: due checks created, put into plans, and left unassigned (to raise).</summary>
public sealed record PlanningResult(int Created, int Planned, IReadOnlyList<Guid> Unassigned);
