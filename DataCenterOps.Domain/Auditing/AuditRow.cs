namespace DataCenterOps.Domain.Auditing;

/// <summary>One audit entry as the viewer shows it: the actor by name, not by account id.</summary>
public sealed record AuditRow(
    long Id, DateTime AtUtc, string ActorId, string ActorName, string Action, string EntityType, string EntityId, string? BeforeJson, string? AfterJson);
