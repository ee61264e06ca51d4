using DataCenterOps.Domain.People;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;

namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>
/// Who is told, by role: warnings go to the Operators, criticals also to the Pengawas, escalations to the Pengawas.
/// (There is no duty roster yet: every Operator is "on duty".)
/// </summary>
public static class AlarmNoticeRouting
{
    public static IReadOnlyList<string> RolesFor(AlarmNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.Kind == AlarmNoticeKind.Escalated ? [Roles.Supervisor]
            : notice.Severity == AlarmSeverity.Critical ? [Roles.Operator, Roles.Supervisor]
            : [Roles.Operator];
    }
}
