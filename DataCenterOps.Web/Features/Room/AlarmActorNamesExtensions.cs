using Microsoft.AspNetCore.Components.Authorization;

namespace DataCenterOps.Web.Features.Room;

public static class AlarmActorNamesExtensions
{
    /// <summary>
    /// The signed-in person as an acknowledgement or a comment records them (account and display name); null when
    /// nobody is signed in or the person has no name to show.
    /// </summary>
    public static async Task<(string Account, string Name)?> SignedInAsync(
        this IAlarmActorNames names, Task<AuthenticationState>? authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState is null ? null : (await authenticationState).User;
        var account = user?.Identity?.Name;
        var name = user is null ? null : await names.DisplayNameAsync(user, cancellationToken);
        return string.IsNullOrWhiteSpace(account) || string.IsNullOrWhiteSpace(name) ? null : (account, name);
    }
}
