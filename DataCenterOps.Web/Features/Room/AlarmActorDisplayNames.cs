using System.Security.Claims;
using DataCenterOps.Web.Shared.Layout;

namespace DataCenterOps.Web.Features.Room;

/// <summary>The top bar shows the name an acknowledgement records: the layout's contract over <see cref="IAlarmActorNames"/>.</summary>
internal sealed class AlarmActorDisplayNames(IAlarmActorNames names) : IDisplayNames
{
    public Task<string?> DisplayNameAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        names.DisplayNameAsync(user, cancellationToken);
}
