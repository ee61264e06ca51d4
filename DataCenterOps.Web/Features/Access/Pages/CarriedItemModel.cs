using DataCenterOps.Domain.Access;

namespace DataCenterOps.Web.Features.Access.Pages;

/// <summary>An equipment line being typed in a form.</summary>
public sealed class CarriedItemModel
{
    public string Description { get; set; } = "";
    public string? SerialNumber { get; set; }

    public static IReadOnlyList<CarriedItem> ToInput(IEnumerable<CarriedItemModel> items) =>
        [.. items.Where(i => !string.IsNullOrWhiteSpace(i.Description)).Select(i => new CarriedItem(i.Description, i.SerialNumber))];
}
