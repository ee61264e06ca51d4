namespace DataCenterOps.Domain.Maintenance;

public enum PassFailResult
{
    Pass,
    Fail,
    NotApplicable,
}
