using DataCenterOps.Domain.People;
using DataCenterOps.Monitoring.Alarms.Incidents;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>Alarm notices by e-mail to the people of the notice's roles, once each (the routine's <see cref="NotificationService"/>).</summary>
internal sealed class EmailAlarmNoticeSink(IServiceScopeFactory scopes, AlarmNoticeText text, IOptions<NotificationChannelOptions> options) : IAlarmNoticeSink
{
    public async Task SendAsync(AlarmNotice notice, CancellationToken cancellationToken)
    {
        if (!options.Value.Email)
        {
            return;
        }

        await text.RefreshNamesAsync(cancellationToken).ConfigureAwait(false);
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var people = scope.ServiceProvider.GetRequiredService<PeopleDirectory>();
            var users = new List<string>();
            foreach (var role in AlarmNoticeRouting.RolesFor(notice))
            {
                users.AddRange((await people.InRoleAsync(role, cancellationToken).ConfigureAwait(false)).Select(u => u.Id));
            }

            var mail = scope.ServiceProvider.GetRequiredService<NotificationService>();
            await mail.SendOnceToUsersAsync("alarm-notice:" + notice.Id, users, text.Subject(notice), text.Body(notice), cancellationToken).ConfigureAwait(false);
        }
    }
}
