using DataCenterOps.Web.Shared.Hosting;
using DataCenterOps.Web.Shared.Layout;
using MudBlazor;

namespace DataCenterOps.Web.Features.Steps;

/// <summary>The six steps' part of the menu: the board, each role's step, the archive and the evidence pack.</summary>
internal sealed class StepsMenu : IMenuPart
{
    public IReadOnlyList<MenuEntry> Entries { get; } =
    [
        new MenuLink(600, Policies.SignedIn, "board", Icons.Material.Filled.Timer, "NavBoard"),
        new MenuLink(700, Policies.Inspectors, "work", Icons.Material.Filled.Checklist, "NavWork"),
        new MenuLink(710, Policies.Inspectors, "reports/mine", Icons.Material.Filled.Assignment, "Reports.Mine"),
        new MenuLink(800, Policies.SopTeam, "letters", Icons.Material.Filled.Description, "Nav.Letters"),
        new MenuLink(810, Policies.SopTeam, "plans", Icons.Material.Filled.EventNote, "Nav.Plans"),
        new MenuLink(900, Policies.PengawasDuties, "reviews", Icons.Material.Filled.RateReview, "NavReviews"),
        new MenuLink(1100, Policies.ArchiveReaders, "archive", Icons.Material.Filled.Inventory2, "NavArchive"),
        new MenuLink(1900, Policies.EvidencePacks, "archive/evidence-pack", Icons.Material.Filled.Inventory2, "NavEvidencePack"),
    ];
}
