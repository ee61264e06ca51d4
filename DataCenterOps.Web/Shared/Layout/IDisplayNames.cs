using System.Security.Claims;

namespace DataCenterOps.Web.Shared.Layout;

/// <summary>
/// The name the top bar shows for the signed-in person (as acknowledgements show it: their display name, never their
/// e-mail). The layout owns this contract; the room feature implements it over its alarm actor names.
/// </summary>
public interface IDisplayNames
{
    /// <summary>The person's display name; null when nobody is signed in.</summary>
    Task<string?> DisplayNameAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
