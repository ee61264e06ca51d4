using DataCenterOps.Domain.Auditing;
using DataCenterOps.Web.Shared.Display;

namespace DataCenterOps.Web.Features.Admin.Audit;

/// <summary>The viewer's filter in local calendar days (the display zone); <c>To</c> is inclusive.</summary>
public sealed record AuditFilterInput(string? PersonId, string? Action, DateOnly? From, DateOnly? To)
{
    public AuditFilter ToFilter(DisplayClock clock) => new(
        string.IsNullOrWhiteSpace(PersonId) ? null : PersonId,
        string.IsNullOrWhiteSpace(Action) ? null : Action,
        From is { } f ? clock.StartOfDayUtc(f) : null,
        To is { } t ? clock.StartOfDayUtc(t.AddDays(1)) : null);
}
