namespace DataCenterOps.Web.Shared.Layout;

/// <summary>A link in the menu, its text a key of the UI resources.</summary>
/// <param name="Href">Relative address, e.g. <c>room/alarms</c>.</param>
/// <param name="Icon">SVG path of a MudBlazor icon (<c>Icons.Material.Filled.…</c>).</param>
/// <param name="TextKey">Key in <c>Resources/Ui.resx</c>.</param>
public sealed record MenuLink(int Order, string Policy, string Href, string Icon, string TextKey) : MenuEntry(Order, Policy)
{
    /// <summary>Extra CSS class on the item (tests and the phone layout find links by it).</summary>
    public string? Css { get; init; }

    /// <summary>Current only on this very address, not below it (as <c>NavLinkMatch.All</c>).</summary>
    public bool Exact { get; init; }

    public bool NewTab { get; init; }

    /// <summary>Shows the <see cref="AlarmMenuBadge"/> beside the text.</summary>
    public bool AlarmBadge { get; init; }
}
