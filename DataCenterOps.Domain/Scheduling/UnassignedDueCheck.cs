namespace DataCenterOps.Domain.Scheduling;

/// <summary>A due check no letter or plan covers yet, as the Pengawas is told of it.</summary>
public sealed record UnassignedDueCheck(Guid Id, string Equipment, string Schedule, DateOnly DueDate, DateOnly DeadlineDate);
