using DataCenterOps.Web.Shared.Hosting;
using DataCenterOps.Web.Shared.Layout;
using MudBlazor;

namespace DataCenterOps.Web.Features.Home;

/// <summary>The home page's link, near the top of the menu.</summary>
internal sealed class HomeMenu : IMenuPart
{
    public IReadOnlyList<MenuEntry> Entries { get; } =
    [
        new MenuLink(200, Policies.SignedIn, "", Icons.Material.Filled.Dashboard, "NavHome") { Exact = true },
    ];
}
