using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Access.Pages;

/// <summary>
/// Shared plumbing of the access pages: a fresh DI scope (and DbContext) per action, the actor read from the
/// database, and refusals shown as a localised message instead of an error page.
/// </summary>
public abstract class AccessPageBase : ComponentBase
{
    [Inject]
    protected IServiceScopeFactory ScopeFactory { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<Ui> Text { get; set; } = default!;

    [Inject]
    protected IOptions<AccessOptions> Options { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The last refusal, localised; null when the last action succeeded.</summary>
    protected string? Error { get; private set; }

    protected string? ErrorDetail { get; private set; }

    protected string? Success { get; set; }

    protected Actor CurrentActor { get; private set; } = new("", []);

    protected bool CanRegister => AccessRoles.CanRegister(CurrentActor);

    protected bool CanCorrect => AccessRoles.CanCorrect(CurrentActor);

    protected bool IsSupervisor => CurrentActor.IsIn(Roles.Supervisor);

    protected override async Task OnInitializedAsync()
    {
        await RunAsync(async (scope, actor) =>
        {
            CurrentActor = actor;
            await LoadAsync(scope);
        });
    }

    /// <summary>Loads the page's data in a fresh scope.</summary>
    protected abstract Task LoadAsync(IServiceProvider scope);

    protected Task ReloadAsync() => RunAsync((scope, _) => LoadAsync(scope));

    /// <summary>Runs one action in its own scope; a rule refusal becomes <see cref="Error"/>. Returns true on success.</summary>
    protected async Task<bool> RunAsync(Func<IServiceProvider, Actor, Task> action)
    {
        Error = null;
        ErrorDetail = null;
        await using var scope = ScopeFactory.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
            var state = AuthenticationState is null ? null : await AuthenticationState;
            var actor = state is null ? new Actor("", []) : await AccessActors.FromAsync(state.User, db, CancellationToken.None);
            await action(scope.ServiceProvider, actor);
            return true;
        }
        catch (AccessRuleViolationException ex)
        {
            Error = RefusalText.General(Text, ex);
            ErrorDetail = RefusalText.Detail(Text, ex.MessageKey, ex.Arguments);
        }
        catch (SopRuleViolationException ex)
        {
            Error = Text["Access.Error.Sop"];
            ErrorDetail = RefusalText.For(Text, ex);
        }

        return false;
    }

    protected string Local(DateTime utc) => AccessPeriod.Local(utc, Options.Value).ToString("dd-MM-yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
