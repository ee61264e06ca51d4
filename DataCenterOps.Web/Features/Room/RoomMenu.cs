using DataCenterOps.Web.Shared.Hosting;
using DataCenterOps.Web.Shared.Layout;
using MudBlazor;

namespace DataCenterOps.Web.Features.Room;

/// <summary>The room's part of the menu: the sites overview (several sites only) and the room group.</summary>
internal sealed class RoomMenu : IMenuPart
{
    public IReadOnlyList<MenuEntry> Entries { get; } =
    [
        new MenuLink(300, Policies.SignedIn, "sites", Icons.Material.Filled.Public, "Site.Overview.Title")
        {
            Css = "nav-sites", Exact = true, ShownWhen = sites => sites.IsMultiSite,
        },
        new MenuGroup(400, Policies.SignedIn, "NavRoom", Icons.Material.Filled.Sensors,
        [
            new MenuLink(1, Policies.SignedIn, "room/alarms", Icons.Material.Filled.NotificationsActive, "NavAlarms") { Css = "nav-alarms", AlarmBadge = true },
            new MenuLink(2, Policies.SignedIn, "room/traps", Icons.Material.Filled.MarkEmailUnread, "Room.Traps.Nav"),
            new MenuLink(3, Policies.SignedIn, "room/plan", Icons.Material.Filled.GridView, "NavRoomPlan"),
            new MenuLink(4, Policies.SignedIn, "room/wall", Icons.Material.Filled.Tv, "NavWall"),
            new MenuLink(5, Policies.Administrators, "room/simulator", Icons.Material.Filled.Science, "NavSimulator"),
        ])
        {
            Expanded = true,
        },
    ];
}
