using System.Globalization;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Web.Features.Access;

namespace DataCenterOps.Web.Features.Access.Pages;

public sealed partial class AccessLogPage
{
    private const string LocalFormat = "yyyy-MM-ddTHH:mm";

    private DateTime? From { get; set; }
    private DateTime? To { get; set; }
    private string? Person { get; set; }
    private Guid? LetterId { get; set; }
    private IReadOnlyList<AccessEntry> Entries { get; set; } = [];
    private IReadOnlyList<AccessRefusal> Refusals { get; set; } = [];
    private IReadOnlyList<(Guid Id, string Number)> Letters { get; set; } = [];
    private AccessEntry? Editing { get; set; }
    private string? EditIn { get; set; }
    private string? EditOut { get; set; }
    private string? EditPurpose { get; set; }
    private string? EditReason { get; set; }

    private DateOnly? FromDay => From is { } f ? DateOnly.FromDateTime(f) : null;
    private DateOnly? ToDay => To is { } t ? DateOnly.FromDateTime(t) : null;

    protected override async Task LoadAsync(IServiceProvider scope)
    {
        if (From is null && To is null)
        {
            var today = Clock.Today;
            From = today.AddDays(-30).ToDateTime(TimeOnly.MinValue);
            To = today.ToDateTime(TimeOnly.MinValue);
        }

        // Every screen is for one site: its room's register.
        var filter = AccessPeriod.Filter(FromDay, ToDay, Person, LetterId, Clock) with { SiteIds = [Sites.Current.Id] };
        var register = scope.GetRequiredService<AccessRegisterService>();
        Entries = await register.SearchAsync(filter);
        Refusals = await register.GetRefusalsAsync(filter.FromUtc ?? DateTime.MinValue, filter.ToUtc ?? DateTime.MaxValue, Sites.Current.Id);
        Letters = await scope.GetRequiredService<LetterQueries>().IssuedNumbersAsync();
    }

    private string ExportUrl(string format)
    {
        var query = new List<string> { "site=" + Uri.EscapeDataString(Sites.Current.Code) };
        if (FromDay is { } f)
        {
            query.Add("from=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (ToDay is { } t)
        {
            query.Add("to=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(Person))
        {
            query.Add("person=" + Uri.EscapeDataString(Person));
        }

        if (LetterId is { } letter)
        {
            query.Add("letterId=" + letter);
        }

        return $"/api/access/log.{format}?" + string.Join('&', query);
    }

    private void StartCorrection(AccessEntry entry)
    {
        Editing = entry;
        EditIn = ToLocalText(entry.InAtUtc);
        EditOut = entry.OutAtUtc is { } o ? ToLocalText(o) : null;
        EditPurpose = entry.Purpose;
        EditReason = null;
    }

    private async Task CorrectAsync()
    {
        if (Editing is not { } entry)
        {
            return;
        }

        var correction = new EntryCorrection(FromLocalText(EditIn), FromLocalText(EditOut), EditPurpose, EditReason ?? "");
        if (await RunAsync((scope, actor) => scope.GetRequiredService<AccessRegisterService>().CorrectAsync(actor, entry.Id, correction)))
        {
            Success = L["Access.Log.Corrected", entry.PersonName];
            Editing = null;
            await ReloadAsync();
        }
    }

    private async Task VoidAsync()
    {
        if (Editing is not { } entry)
        {
            return;
        }

        var reason = EditReason ?? "";
        if (await RunAsync((scope, actor) => scope.GetRequiredService<AccessRegisterService>().VoidAsync(actor, entry.Id, reason)))
        {
            Success = L["Access.Log.Voided", entry.PersonName];
            Editing = null;
            await ReloadAsync();
        }
    }

    private string ToLocalText(DateTime utc) => Clock.Local(utc).ToString(LocalFormat, CultureInfo.InvariantCulture);

    private DateTime? FromLocalText(string? text) =>
        DateTime.TryParseExact(text, LocalFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? Clock.ToUtc(local)
            : null;
}
