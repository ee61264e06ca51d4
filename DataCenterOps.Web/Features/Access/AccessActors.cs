using System.Security.Claims;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;

namespace DataCenterOps.Web.Features.Access;

/// <summary>The signed-in person as an <see cref="Actor"/>, roles read from the database now (not the cookie).</summary>
internal static class AccessActors
{
    public static async Task<Actor> FromAsync(ClaimsPrincipal user, DataCenterOpsDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return string.IsNullOrEmpty(userId) ? new Actor("", []) : await Actors.LoadAsync(db, userId, cancellationToken);
    }
}
