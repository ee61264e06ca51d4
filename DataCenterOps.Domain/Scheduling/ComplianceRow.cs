namespace DataCenterOps.Domain.Scheduling;

/// <summary>One due check and how it went.</summary>
public sealed record ComplianceRow(
    Guid DueCheckId,
    Guid EquipmentId,
    string EquipmentName,
    string ScheduleName,
    ScheduleCadence Cadence,
    DateOnly DueDate,
    DateOnly DeadlineDate,
    DueCheckState State,
    ComplianceOutcome Outcome,
    string? InspectorId,
    DateTime? CompletedAtUtc,
    string? Reason);
