namespace DataCenterOps.Domain.Access;

/// <summary>Why the access register refused an action; the Web shows a localised text for each code.</summary>
public enum AccessError
{
    WrongRole,
    NotFound,
    InvalidInput,
    NoValidAuthorisation,
    EscortNotInside,
    EscortNotAuthorised,
    AlreadyInside,
    NotInside,
    EscortHasVisitorsInside,
    CannotRevoke,
    ConcurrencyConflict,
    OwnAccess,
    /// <summary>The person's roles are limited to other sites.</summary>
    OtherSite,
}
