using System.Globalization;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Web.Shared.Components;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Access.Pages;

/// <summary>
/// The access pages on the one action kernel (<see cref="ActionPage"/>): a refusal is kept beside the form as
/// <see cref="Error"/> (with the rule's sentence as <see cref="ErrorDetail"/>) rather than shown in a snackbar.
/// </summary>
public abstract class AccessPageBase : ActionPage
{
    [Inject]
    protected IOptions<AccessOptions> Options { get; set; } = default!;

    /// <summary>The last refusal, localised; null when the last action succeeded.</summary>
    protected string? Error { get; private set; }

    protected string? ErrorDetail { get; private set; }

    protected string? Success { get; set; }

    protected bool CanRegister => AccessRoles.CanRegister(CurrentActor);

    protected bool CanCorrect => AccessRoles.CanCorrect(CurrentActor);

    protected bool IsSupervisor => CurrentActor.IsIn(Roles.Supervisor);

    protected sealed override Task LoadAsync() => RunAsync((scope, _) => LoadAsync(scope));

    /// <summary>Loads the page's data in a fresh scope.</summary>
    protected abstract Task LoadAsync(IServiceProvider scope);

    protected Task ReloadAsync() => RunAsync((scope, _) => LoadAsync(scope));

    /// <summary>Runs one action on the kernel; a rule refusal becomes <see cref="Error"/>. Returns true on success.</summary>
    protected async Task<bool> RunAsync(Func<IServiceProvider, Actor, Task> action)
    {
        Error = null;
        ErrorDetail = null;
        var refusal = await TryActAsync(action);
        Error = refusal?.Text;
        ErrorDetail = refusal?.Detail;
        return refusal is null;
    }

    protected override Refusal Describe(Exception refusal) => refusal switch
    {
        AccessRuleViolationException access => new(
            RefusalText.General(Text, access), RefusalText.Detail(Text, access.MessageKey, access.Arguments) ?? access.Message),
        SopRuleViolationException sop => new(Text["Access.Error.Sop"], RefusalText.For(Text, sop)),
        _ => base.Describe(refusal),
    };

    protected string Local(DateTime utc) => Clock.Local(utc).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);
}
