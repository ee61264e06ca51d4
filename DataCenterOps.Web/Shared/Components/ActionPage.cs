using System.Security.Claims;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace DataCenterOps.Web.Shared.Components;

/// <summary>
/// The one base for pages that act. Each read and each action runs in its own DI scope (fresh Domain services, never a
/// captured context), as the signed-in person with the roles the database holds now; a domain refusal becomes one
/// localised text, shown beside the form (<see cref="AttemptAsync{TService}"/>) or as a snackbar
/// (<see cref="ActAsync{TService}"/>).
/// </summary>
public abstract class ActionPage : ComponentBase
{
    [Inject] protected IServiceScopeFactory ScopeFactory { get; set; } = default!;
    [Inject] protected AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected IStringLocalizer<Ui> Text { get; set; } = default!;
    [Inject] protected DisplayClock Clock { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] private ActionPageActor PageActor { get; set; } = default!;

    /// <summary>The site this circuit shows (set by Routes before any page loads).</summary>
    [Inject] protected Sites.SiteContext Sites { get; set; } = default!;

    protected string UserId { get; private set; } = "";

    /// <summary>The signed-in person as read once for this circuit (for showing); every action reads it again.</summary>
    protected Actor CurrentActor { get; private set; } = new("", []);

    protected override async Task OnInitializedAsync()
    {
        var state = await Authentication.GetAuthenticationStateAsync();
        UserId = state.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        CurrentActor = await PageActor.GetAsync(UserId);
        await LoadAsync();
    }

    protected virtual Task LoadAsync() => Task.CompletedTask;

    /// <summary>Reads through one of the Domain's query services, in a short-lived scope.</summary>
    protected async Task<T> QueryAsync<TQueries, T>(Func<TQueries, Task<T>> query) where TQueries : notnull
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TQueries>());
    }

    /// <summary>The kernel: runs one action in its own scope as the person the database knows now; the refusal, or null.</summary>
    protected async Task<Refusal?> TryActAsync(Func<IServiceProvider, Actor, Task> action)
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        try
        {
            var actor = await scope.ServiceProvider.GetRequiredService<PeopleDirectory>().ActorAsync(UserId);
            await action(scope.ServiceProvider, actor);
            return null;
        }
        catch (SopRuleViolationException ex)
        {
            return Describe(ex);
        }
        catch (AccessRuleViolationException ex)
        {
            return Describe(ex);
        }
    }

    /// <summary>Performs an action; the localised refusal to show beside the form, or null when it succeeded.</summary>
    protected async Task<string?> AttemptAsync<TService>(Func<TService, Actor, Task> action) where TService : notnull =>
        (await TryActAsync((scope, actor) => action(scope.GetRequiredService<TService>(), actor)))?.Display;

    /// <summary>Performs an action; a snackbar tells how it went. True when it succeeded.</summary>
    protected async Task<bool> ActAsync<TService>(Func<TService, Actor, Task> action, string? success = null) where TService : notnull
    {
        var refusal = await AttemptAsync(action);
        if (refusal is not null)
        {
            Snackbar.Add(refusal, Severity.Error);
            return false;
        }

        if (success is not null)
        {
            Snackbar.Add(Text[success], Severity.Success);
        }

        return true;
    }

    /// <summary>The refusal in the UI language, with its values; a page with its own texts may say it its own way.</summary>
    protected virtual Refusal Describe(Exception refusal)
    {
        var text = refusal switch
        {
            SopRuleViolationException sop => RefusalText.For(Text, sop),
            AccessRuleViolationException access => RefusalText.For(Text, access),
            _ => Text["SopError.InvalidInput"].Value,
        };
        return new Refusal(text, text);
    }

    protected Task<Dictionary<string, string>> NamesAsync() => QueryAsync<PeopleDirectory, Dictionary<string, string>>(people => people.NamesAsync());

    protected static string Name(IReadOnlyDictionary<string, string> names, string? id) =>
        id is not null && names.TryGetValue(id, out var name) ? name : id ?? "–";

    protected string StateText(SopState state) => Text[$"State.{state}"];

    protected string Format(DateTime? utc) => Clock.Format(utc);

    /// <summary>A domain refusal in the UI language: a headline and the rule's sentence with its values.</summary>
    protected sealed record Refusal(string Text, string Detail)
    {
        public string Display => Text == Detail ? Text : $"{Text} — {Detail}";
    }
}
