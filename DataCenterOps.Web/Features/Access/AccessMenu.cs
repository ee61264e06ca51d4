using DataCenterOps.Web.Shared.Hosting;
using DataCenterOps.Web.Shared.Layout;
using MudBlazor;

namespace DataCenterOps.Web.Features.Access;

/// <summary>The access register's part of the menu.</summary>
internal sealed class AccessMenu : IMenuPart
{
    public IReadOnlyList<MenuEntry> Entries { get; } =
    [
        new MenuGroup(500, Policies.AccessRegister, "NavAccess", Icons.Material.Filled.MeetingRoom,
        [
            new MenuLink(1, Policies.AccessRegister, "access", Icons.Material.Filled.Login, "NavAccessRegister"),
            new MenuLink(2, Policies.AccessRegister, "access/log", Icons.Material.Filled.ListAlt, "NavAccessLog"),
            new MenuLink(3, Policies.AccessCorrectors, "access/authorisations", Icons.Material.Filled.VerifiedUser, "NavAccessAuthorisations"),
        ]),
    ];
}
