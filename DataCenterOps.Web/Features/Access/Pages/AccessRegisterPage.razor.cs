using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.People;
using DataCenterOps.Web.Features.Access;
using Microsoft.AspNetCore.Components;

namespace DataCenterOps.Web.Features.Access.Pages;

public sealed partial class AccessRegisterPage
{
    private static readonly string[] IdTypes = ["KTP", "SIM", "Paspor", "Kartu Pegawai", "Lainnya"];
    private IDisposable? _registerSubscription;
    private IDisposable? _alarmSubscription;

    [Inject]
    private AccessAlarmBoard Board { get; set; } = default!;

    [Inject]
    private AccessChanges Changes { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    private IReadOnlyList<AccessEntry> Inside { get; set; } = [];

    /// <summary>Entries inside on a tenant's visit permit that has been cancelled: flagged until their exit is recorded.</summary>
    private IReadOnlySet<Guid> OnCancelledPermit { get; set; } = new HashSet<Guid>();
    private IReadOnlyList<AppUser> Staff { get; set; } = [];
    private IReadOnlyList<AssignmentLetter> StaffLetters { get; set; } = [];
    private string? StaffUserId { get; set; }
    private Guid? StaffLetterId { get; set; }
    private string? StaffPurpose { get; set; }
    private List<CarriedItemModel> StaffItems { get; } = [];
    private VisitorForm Visitor { get; set; } = new();
    private List<CarriedItemModel> VisitorItems { get; } = [];
    private Guid? ExitingId { get; set; }
    private List<CarriedItemModel> ExitItems { get; } = [];
    private bool ExitWithVisitors { get; set; }
    private string? ResolveNote { get; set; }

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _registerSubscription = Changes.Subscribe(() => _ = InvokeAsync(async () =>
        {
            await ReloadAfterAsync();
            StateHasChanged();
        }));
        _alarmSubscription = Board.Subscribe(() => _ = InvokeAsync(StateHasChanged));
    }

    protected override async Task LoadAsync(IServiceProvider scope)
    {
        var register = scope.GetRequiredService<AccessRegisterService>();
        Inside = await register.GetInsideAsync(Sites.Current.Id);
        OnCancelledPermit = await register.GetInsideOnCancelledPermitsAsync(Sites.Current.Id);
        if (Staff.Count == 0)
        {
            Staff = await register.GetStaffAsync();
        }
    }

    private Task StaffChangedAsync(string? userId) => RunAsync(async (scope, _) =>
    {
        StaffUserId = userId;
        StaffLetterId = null;
        StaffLetters = StaffUserId is null ? [] : await scope.GetRequiredService<AccessRegisterService>().GetValidLettersAsync(StaffUserId, Sites.Current.Id);
    });

    private async Task RegisterStaffAsync()
    {
        Success = null;
        var input = new StaffEntryInput(StaffUserId ?? "", StaffPurpose ?? "", StaffLetterId, CarriedItemModel.ToInput(StaffItems), Sites.Current.Id);
        if (await RunAsync(async (scope, actor) =>
            {
                var entry = await scope.GetRequiredService<AccessRegisterService>().RegisterStaffEntryAsync(actor, input);
                Success = L["Access.Register.EntryDone", entry.PersonName];
            }))
        {
            StaffUserId = null;
            StaffPurpose = null;
            StaffLetterId = null;
            StaffItems.Clear();
        }

        await ReloadAfterAsync();
    }

    private async Task RegisterVisitorAsync()
    {
        Success = null;
        var v = Visitor;
        var input = new VisitorEntryInput(v.Name ?? "", v.Organisation ?? "", v.IdType ?? "", v.IdNumber ?? "", v.IdHeldAtDesk,
            v.Visiting ?? "", v.Purpose ?? "", v.EscortUserId ?? "", CarriedItemModel.ToInput(VisitorItems), Sites.Current.Id);
        if (await RunAsync(async (scope, actor) =>
            {
                var entry = await scope.GetRequiredService<AccessRegisterService>().RegisterVisitorEntryAsync(actor, input);
                Success = L["Access.Register.EntryDone", entry.PersonName];
            }))
        {
            Visitor = new();
            VisitorItems.Clear();
        }

        await ReloadAfterAsync();
    }

    private void StartExit(Guid entryId)
    {
        ExitingId = entryId;
        ExitItems.Clear();
        ExitWithVisitors = false;
    }

    private async Task ExitAsync()
    {
        if (ExitingId is not { } id)
        {
            return;
        }

        Success = null;
        var input = new ExitInput(CarriedItemModel.ToInput(ExitItems), ExitWithVisitors);
        if (await RunAsync(async (scope, actor) =>
            {
                var closed = await scope.GetRequiredService<AccessRegisterService>().RegisterExitAsync(actor, id, input);
                Success = L["Access.Register.ExitDone", string.Join(", ", closed.Select(c => c.PersonName))];
            }))
        {
            ExitingId = null;
        }

        await ReloadAfterAsync();
    }

    private async Task ResolveAsync(string source)
    {
        var note = ResolveNote ?? "";
        if (await RunAsync((scope, actor) => scope.GetRequiredService<DoorCorrelationService>().ResolveUnregisteredAsync(actor, source, Sites.Current.Id, note, CancellationToken.None)))
        {
            ResolveNote = null;
        }
    }

    // Reloads without clearing the message of the action just done (RunAsync would).
    private async Task ReloadAfterAsync()
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        await LoadAsync(scope.ServiceProvider);
    }

    public void Dispose()
    {
        _registerSubscription?.Dispose();
        _alarmSubscription?.Dispose();
    }

    private sealed class VisitorForm
    {
        public string? Name { get; set; }
        public string? Organisation { get; set; }
        public string? IdType { get; set; } = "KTP";
        public string? IdNumber { get; set; }
        public bool IdHeldAtDesk { get; set; } = true;
        public string? Visiting { get; set; }
        public string? Purpose { get; set; }
        public string? EscortUserId { get; set; }
    }
}
