using System.Security.Claims;
using DataCenterOps.Domain.People;

namespace DataCenterOps.Web.Features.Access;

/// <summary>The signed-in person as an <see cref="Actor"/>, roles read from the database now (not the cookie).</summary>
internal static class AccessActors
{
    public static Task<Actor> FromAsync(ClaimsPrincipal user, PeopleDirectory people, CancellationToken cancellationToken) =>
        people.ActorAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
}
