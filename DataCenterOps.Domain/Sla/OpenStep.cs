namespace DataCenterOps.Domain.Sla;

/// <summary>A step of the SOP waiting for someone, with its standard-time due moment.</summary>
public sealed record OpenStep(
    SopStep Step,
    Guid LetterId,
    Guid? WorkPlanId,
    string Title,
    IReadOnlyList<string> ResponsibleUserIds,
    DateTime OpenedAtUtc,
    DateTime? DueAtUtc,
    bool IsOverdue);
