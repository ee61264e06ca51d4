namespace DataCenterOps.Domain.Reports;

public enum ReviewDecision
{
    Approved,
    Returned,
}
