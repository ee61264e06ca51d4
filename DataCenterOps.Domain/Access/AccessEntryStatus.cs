namespace DataCenterOps.Domain.Access;

public enum AccessEntryStatus
{
    Inside,
    Left,

    /// <summary>Withdrawn by a Supervisor or Administrator with a reason; the row stays as evidence.</summary>
    Voided,
}
