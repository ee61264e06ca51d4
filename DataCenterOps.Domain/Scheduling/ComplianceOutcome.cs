namespace DataCenterOps.Domain.Scheduling;

public enum ComplianceOutcome
{
    /// <summary>The checklist was completed by the last day of its period.</summary>
    OnTime,
    /// <summary>Completed, but after its period.</summary>
    Late,
    /// <summary>Its period is over and it was not completed.</summary>
    Missed,
    /// <summary>Could not be done: the equipment was out of service (reason recorded).</summary>
    EquipmentFailed,
    /// <summary>Still within its period and not completed yet.</summary>
    Pending,
}
