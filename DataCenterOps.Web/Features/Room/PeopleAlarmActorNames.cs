using System.Security.Claims;
using DataCenterOps.Domain.People;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// Reads the display name from the people directory now (a renamed person shows their new name). Without the
/// directory (monitoring-only hosts) or a name on file, the part of the account before "@" stands in.
/// </summary>
internal sealed class PeopleAlarmActorNames(IServiceScopeFactory scopes) : IAlarmActorNames
{
    public async Task<string?> DisplayNameAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var account = user.Identity?.Name;
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrWhiteSpace(account))
        {
            return null;
        }

        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            if (id is not null && scope.ServiceProvider.GetService<PeopleDirectory>() is { } people
                && (await people.NamesAsync(cancellationToken).ConfigureAwait(false)).GetValueOrDefault(id) is { Length: > 0 } name
                && !string.Equals(name, account, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        var at = account.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? account[..at] : account;
    }
}
