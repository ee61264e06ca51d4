namespace DataCenterOps.Web.Shared.Layout;

/// <summary>A titled, foldable group of links; each link still needs its own policy.</summary>
/// <param name="TitleKey">Key in <c>Resources/Ui.resx</c>.</param>
public sealed record MenuGroup(int Order, string Policy, string TitleKey, string Icon, IReadOnlyList<MenuLink> Links) : MenuEntry(Order, Policy)
{
    public bool Expanded { get; init; }
}
