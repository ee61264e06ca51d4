using DataCenterOps.Domain.Maintenance;

namespace DataCenterOps.Web.Features.Steps.Components.Work;

/// <summary>One checklist on the Pemeriksa's list: what, where, when, and how far it is.</summary>
public sealed record WorkCardModel(
    Guid ExecutionId,
    Guid PlanId,
    string Equipment,
    string Location,
    string Checklist,
    DateOnly PlannedDate,
    ExecutionStatus Status,
    int Answered,
    int Required,
    bool IsOverdue);
