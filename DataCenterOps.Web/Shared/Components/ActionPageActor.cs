using DataCenterOps.Domain.People;

namespace DataCenterOps.Web.Shared.Components;

/// <summary>
/// The signed-in person as <see cref="ActionPage"/> shows them, read from the database once per circuit (a scoped
/// service lives as long as the circuit) rather than on every page's first load. For showing only: every action
/// reads the person again in its own scope, so privilege checks always see the roles the database holds now.
/// </summary>
public sealed class ActionPageActor(IServiceScopeFactory scopes)
{
    private Actor? _actor;

    public async Task<Actor> GetAsync(string userId)
    {
        if (_actor is { } known && known.UserId == userId)
        {
            return known;
        }

        await using var scope = scopes.CreateAsyncScope();
        _actor = await scope.ServiceProvider.GetRequiredService<PeopleDirectory>().ActorAsync(userId);
        return _actor;
    }
}
