namespace DataCenterOps.Domain.Maintenance;

public enum MaintenanceWindowSource
{
    /// <summary>Equipment on an executing Rencana Kerja item: its planned day, and while its checklist is open.</summary>
    WorkPlan,

    /// <summary>Opened by a Pengawas with a period and a reason.</summary>
    AdHoc,
}
