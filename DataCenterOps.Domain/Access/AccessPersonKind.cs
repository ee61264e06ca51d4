namespace DataCenterOps.Domain.Access;

/// <summary>Who came in: someone from the user list, or a visitor identified at the desk.</summary>
public enum AccessPersonKind
{
    Staff,
    Visitor,
}
