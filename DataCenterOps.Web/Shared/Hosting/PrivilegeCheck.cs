using System.Security.Claims;
using DataCenterOps.Domain.People;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>
/// A privileged action on an open circuit (simulator, back up now, user admin) asks here first: the identity was fixed
/// when the circuit started, so the actor's roles are read from the database now. A refusal is logged and the browser
/// is sent to the access-denied page.
/// </summary>
public sealed partial class PrivilegeCheck(
    AuthenticationStateProvider authentication, IServiceScopeFactory scopes, NavigationManager navigation, ILogger<PrivilegeCheck> logger)
{
    /// <summary>True when the signed-in person holds, in the database now, a role of <paramref name="policy"/>.</summary>
    public async Task<bool> HoldsAsync(string policy)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !Policies.RolesOf.TryGetValue(policy, out var needed))
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        var roles = await users.GetRolesAsync(user);
        return roles.Any(needed.Contains);
    }

    /// <summary><see cref="HoldsAsync"/>; when refused, logs it and navigates to the access-denied page.</summary>
    public async Task<bool> EnsureAsync(string policy)
    {
        if (await HoldsAsync(policy))
        {
            return true;
        }

        var state = await authentication.GetAuthenticationStateAsync();
        LogRefused(logger, state.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "(anonymous)", policy, navigation.Uri);
        navigation.NavigateTo("/Account/AccessDenied", forceLoad: true);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Privileged action refused: {UserId} no longer holds {Policy} (on {Page})")]
    private static partial void LogRefused(ILogger logger, string userId, string policy, string page);
}
