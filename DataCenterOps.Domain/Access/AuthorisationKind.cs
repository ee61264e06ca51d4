namespace DataCenterOps.Domain.Access;

public enum AuthorisationKind
{
    AssignmentLetter,
    OneOffGrant,
}
