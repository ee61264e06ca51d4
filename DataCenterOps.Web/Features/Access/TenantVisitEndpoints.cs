using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Tenants;
using DataCenterOps.Web.Shared.Hosting;

namespace DataCenterOps.Web.Features.Access;

/// <summary>
/// A co-location tenant's visit over HTTP, as the desk registers it on <c>/tenants/permits</c>: the same group, policy and
/// antiforgery rule as the other entries (cookie with token; the API key opens nothing here). The Domain refuses a visit
/// without an approved, uncancelled permit valid now, for a person it does not name, or without a staff escort inside,
/// and keeps the refusal.
/// </summary>
internal static class TenantVisitEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/access").AddEndpointFilter<BrowserAntiforgeryFilter>();
        api.MapPost("/entries/tenant", (TenantVisitInput input, HttpContext http, AccessRegisterService register, CancellationToken ct) =>
            AccessEndpoints.Run(http, async actor =>
            {
                var entry = await register.RegisterTenantVisitAsync(actor, input, ct);
                return Results.Created($"/api/access/entries/{entry.Id}", new { entry.Id });
            }, ct)).RequireAuthorization(Policies.AccessRegistrars);
    }
}
