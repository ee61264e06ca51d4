namespace DataCenterOps.Web.Features.Steps.Components.Plans;

/// <summary>Something to pick in the add-item dialog: its id and what people call it.</summary>
public sealed record PlanItemChoice<TId>(TId Id, string Label, string? Group = null);
