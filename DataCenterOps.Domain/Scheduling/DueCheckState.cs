namespace DataCenterOps.Domain.Scheduling;

/// <summary>Where a due check stands. Done, late and missed are read from its checklist and dates (<see cref="ComplianceOutcome"/>).</summary>
public enum DueCheckState
{
    /// <summary>No issued Surat Tugas with an open Rencana Kerja covers it: raised to the Pengawas (SOP step 1 first).</summary>
    Unassigned,
    /// <summary>Put into a Rencana Kerja as a plan item with a named Pemeriksa.</summary>
    Planned,
    /// <summary>Could not be done because the equipment is out of service; recorded with a reason, not counted as missed.</summary>
    EquipmentFailed,
}
