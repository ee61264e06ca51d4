namespace DataCenterOps.Domain.Maintenance;

public enum ExecutionStatus
{
    NotStarted,
    InProgress,
    Completed,
}
