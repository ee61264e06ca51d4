using DataCenterOps.Web.Shared.Sites;

namespace DataCenterOps.Web.Shared.Layout;

/// <summary>
/// One place in the menu, a <see cref="MenuLink"/> or a <see cref="MenuGroup"/>: shown to those who pass
/// <see cref="Policy"/> (the menu checks each policy once per sign-in) and, when <see cref="ShownWhen"/> is set, only
/// while it holds for the screen's sites.
/// </summary>
/// <param name="Order">Place in the whole menu, across features (smaller first).</param>
/// <param name="Policy">A name from <see cref="Hosting.Policies"/>.</param>
public abstract record MenuEntry(int Order, string Policy)
{
    public Func<SiteContext, bool>? ShownWhen { get; init; }
}
