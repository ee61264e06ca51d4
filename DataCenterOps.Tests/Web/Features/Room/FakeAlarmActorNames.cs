using System.Security.Claims;
using DataCenterOps.Web.Features.Room;

namespace DataCenterOps.Tests.Web.Features.Room;

/// <summary>Display names by account as a test says (the real source is the people directory).</summary>
public sealed class FakeAlarmActorNames : IAlarmActorNames
{
    public Dictionary<string, string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task<string?> DisplayNameAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var account = user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;
        return Task.FromResult(account is null ? null : Names.GetValueOrDefault(account) ?? account);
    }
}
