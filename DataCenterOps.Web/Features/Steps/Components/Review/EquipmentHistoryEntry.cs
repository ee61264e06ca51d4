using DataCenterOps.Domain.Workflow;

namespace DataCenterOps.Web.Features.Steps.Components.Review;

/// <summary>An earlier checklist on the same equipment, with what it found.</summary>
public sealed record EquipmentHistoryEntry(
    Guid ExecutionId,
    Guid PlanId,
    string Equipment,
    string Checklist,
    string InspectorId,
    DateOnly PlannedDate,
    DateTime? FinishedAtUtc,
    SopState PlanState,
    int Answers,
    IReadOnlyList<string> FlaggedPrompts);
