using System.Security.Claims;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Web.Shared.Hosting;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace DataCenterOps.Web.Shared.Components;

/// <summary>
/// Base for workflow pages: each action runs in its own DI scope (fresh DbContext, never a captured one),
/// as the signed-in person with the roles the database holds now; SOP refusals become a localised message.
/// </summary>
public abstract class SopPage : ComponentBase
{
    [Inject] protected IServiceScopeFactory ScopeFactory { get; set; } = default!;
    [Inject] protected AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected IStringLocalizer<Ui> Text { get; set; } = default!;
    [Inject] protected DisplayClock Clock { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected string UserId { get; private set; } = "";

    protected override async Task OnInitializedAsync()
    {
        var state = await Authentication.GetAuthenticationStateAsync();
        UserId = state.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        await LoadAsync();
    }

    protected virtual Task LoadAsync() => Task.CompletedTask;

    /// <summary>Reads with a short-lived context.</summary>
    protected async Task<T> QueryAsync<T>(Func<DataCenterOpsDbContext, Task<T>> query)
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>());
    }

    /// <summary>Performs an SOP action; true when it succeeded.</summary>
    protected async Task<bool> ActAsync<TService>(Func<TService, Actor, Task> action, string? success = null) where TService : notnull
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
        try
        {
            var actor = await Actors.LoadAsync(db, UserId);
            await action(scope.ServiceProvider.GetRequiredService<TService>(), actor);
            if (success is not null)
            {
                Snackbar.Add(Text[success], Severity.Success);
            }

            return true;
        }
        catch (SopRuleViolationException ex)
        {
            Snackbar.Add(ErrorText(ex), Severity.Error);
            return false;
        }
    }

    protected string ErrorText(SopRuleViolationException ex) => RefusalText.For(Text, ex);

    /// <summary>Display names of everyone, by user id (a DC team is small).</summary>
    protected Task<Dictionary<string, string>> NamesAsync() => QueryAsync(async db =>
        (await db.Users.AsNoTracking().Select(u => new { u.Id, u.FullName, u.UserName }).ToListAsync())
            .ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.FullName) ? u.UserName ?? u.Id : u.FullName));

    protected static string Name(IReadOnlyDictionary<string, string> names, string? id) =>
        id is not null && names.TryGetValue(id, out var name) ? name : id ?? "–";

    protected string StateText(SopState state) => Text[$"State.{state}"];

    protected string Format(DateTime? utc) => Clock.Format(utc);
}
