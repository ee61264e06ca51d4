using System.Security.Claims;
using DataCenterOps.Domain.People;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// Reads the display name from the process-wide <see cref="DirectoryCache"/> (read again as soon as this process saves
/// a rename, so a renamed person shows their new name; without waiting for the database on every page's first render).
/// Without the directory (monitoring-only hosts) or a name on file, the part of the account before "@" stands in.
/// </summary>
internal sealed class PeopleAlarmActorNames(IServiceProvider services) : IAlarmActorNames
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
        if (id is not null && services.GetService<DirectoryCache>() is { } directory
            && (await directory.CurrentAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).NameOf(id) is { Length: > 0 } name
            && !string.Equals(name, account, StringComparison.OrdinalIgnoreCase))
        {
            return name;
        }

        var at = account.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? account[..at] : account;
    }
}
