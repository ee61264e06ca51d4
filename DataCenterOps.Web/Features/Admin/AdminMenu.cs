using DataCenterOps.Web.Shared.Hosting;
using DataCenterOps.Web.Shared.Layout;
using MudBlazor;

namespace DataCenterOps.Web.Features.Admin;

/// <summary>Administration's part of the menu: equipment, users and their sites, commissioning, qualifications, stand-ins, audit.</summary>
internal sealed class AdminMenu : IMenuPart
{
    public IReadOnlyList<MenuEntry> Entries { get; } =
    [
        new MenuLink(1200, Policies.SignedIn, "equipment", Icons.Material.Filled.Bolt, "NavEquipment"),
        new MenuLink(1300, Policies.Administrators, "admin/users", Icons.Material.Filled.People, "NavUsers"),
        new MenuLink(1310, Policies.Administrators, "admin/commissioning", Icons.Material.Filled.SettingsInputAntenna, "NavCommissioning"),
        new MenuLink(1320, Policies.Administrators, "admin/user-sites", Icons.Material.Filled.Public, "NavUserSites")
        {
            Css = "nav-user-sites", ShownWhen = sites => sites.All.Count > 1,
        },
        new MenuLink(1400, Policies.QualificationReaders, "admin/qualifications", Icons.Material.Filled.WorkspacePremium, "NavQualifications"),
        new MenuLink(1500, Policies.SignedIn, "admin/stand-ins", Icons.Material.Filled.SwitchAccount, "NavStandIns"),
        new MenuLink(1800, Policies.AuditReaders, "admin/audit", Icons.Material.Filled.ManageSearch, "NavAudit"),
    ];
}
