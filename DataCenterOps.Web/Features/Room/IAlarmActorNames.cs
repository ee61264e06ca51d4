using System.Security.Claims;

namespace DataCenterOps.Web.Features.Room;

/// <summary>The name an acknowledgement shows for the signed-in person: their display name, never their e-mail.</summary>
public interface IAlarmActorNames
{
    /// <summary>The person's display name; null when nobody is signed in.</summary>
    Task<string?> DisplayNameAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
