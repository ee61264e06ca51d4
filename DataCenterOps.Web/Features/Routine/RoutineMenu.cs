using DataCenterOps.Web.Shared.Hosting;
using DataCenterOps.Web.Shared.Layout;
using MudBlazor;

namespace DataCenterOps.Web.Features.Routine;

/// <summary>The routine's part of the menu: due checks, schedules, compliance, backups, maintenance windows, Hangfire.</summary>
internal sealed class RoutineMenu : IMenuPart
{
    public IReadOnlyList<MenuEntry> Entries { get; } =
    [
        new MenuGroup(1000, Policies.RoutineReaders, "NavRoutine", Icons.Material.Filled.EventRepeat,
        [
            new MenuLink(1, Policies.RoutineReaders, "routine/due-checks", Icons.Material.Filled.PendingActions, "NavDueChecks"),
            new MenuLink(2, Policies.RoutinePlanners, "routine/schedules", Icons.Material.Filled.CalendarMonth, "NavSchedules"),
            new MenuLink(3, Policies.RoutinePlanners, "routine/compliance", Icons.Material.Filled.FactCheck, "NavCompliance"),
            new MenuLink(4, Policies.Administrators, "routine/backups", Icons.Material.Filled.Backup, "NavBackups"),
            new MenuLink(5, Policies.Supervisors, "routine/maintenance-windows", Icons.Material.Filled.Engineering, "NavMaintenanceWindows"),
            new MenuLink(6, Policies.JobWatchers, "hangfire", Icons.Material.Filled.Schedule, "Nav.Hangfire") { NewTab = true },
        ]),
    ];
}
