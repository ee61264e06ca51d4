namespace DataCenterOps.Domain.Tenants;

public enum VisitPermitState
{
    Requested,
    Approved,
    Refused,
}
