using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Web.Features.Routine.Notifications;

namespace DataCenterOps.Web.Features.Routine.Sla;

/// <summary>Raises due checks no letter or plan covers to the Pengawas: SOP step 1 (a Surat Tugas) has to come first.</summary>
public sealed class UnassignedNotifier(RoutineQueries routine, NotificationService notifications)
{
    public async Task<int> RaiseAsync(IReadOnlyCollection<Guid> dueCheckIds, CancellationToken cancellationToken)
    {
        var checks = await routine.UnassignedAsync(dueCheckIds, cancellationToken);
        var sent = 0;
        foreach (var check in checks)
        {
            var body = $"""
                The routine check "{check.Schedule}" for {check.Equipment} is due {check.DueDate:yyyy-MM-dd} (to be done by {check.DeadlineDate:yyyy-MM-dd}),
                but no issued Surat Tugas with an open Rencana Kerja covers this equipment.

                Please issue a Surat Tugas (SOP step 1) naming a Pengelola and Pemeriksa for it; the check is then put
                into its Rencana Kerja automatically.
                """;
            if (await notifications.SendOnceToRoleAsync($"duecheck:{check.Id:N}:unassigned", Roles.Supervisor,
                    $"[DataCenterOps] No Surat Tugas covers: {check.Schedule} - {check.Equipment}", body, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }
}
