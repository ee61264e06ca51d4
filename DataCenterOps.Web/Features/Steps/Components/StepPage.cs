using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Web.Shared.Components;

namespace DataCenterOps.Web.Features.Steps.Components;

/// <summary>A workflow page that shows an SOP refusal beside the form that caused it, rather than in a passing snackbar.</summary>
public abstract class StepPage : SopPage
{
    /// <summary>Performs an SOP action in its own scope; the localised refusal, or null when it succeeded.</summary>
    protected async Task<string?> AttemptAsync<TService>(Func<TService, Actor, Task> action) where TService : notnull
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
        try
        {
            var actor = await Actors.LoadAsync(db, UserId);
            await action(scope.ServiceProvider.GetRequiredService<TService>(), actor);
            return null;
        }
        catch (SopRuleViolationException ex)
        {
            return ErrorText(ex);
        }
    }
}
